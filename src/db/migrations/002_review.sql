-- Review workspace: accounts, sessions, the audit log, and the analysts' own fields on articles.
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('analyst', 'operator', 'admin')),
  -- scrypt$N$r$p$salt$hash (base64): the parameters travel with the hash so they can be raised later.
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_name_unique ON users (lower(name));

-- Only a hash of the session token is stored: a leaked table does not let anyone log in.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Secrets the server generates once per database (cookie signing), shared by every server instance.
CREATE TABLE review_secrets (
  name text PRIMARY KEY,
  value text NOT NULL
);

-- Every analyst action: who, what, when, and the fields before and after.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  article_id bigint REFERENCES articles (id) ON DELETE CASCADE,
  user_id bigint REFERENCES users (id) ON DELETE SET NULL,
  user_name text NOT NULL,
  action text NOT NULL,
  before jsonb,
  after jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_article ON audit_log (article_id, created_at DESC);

ALTER TABLE articles ADD COLUMN english_summary text;
ALTER TABLE articles ADD COLUMN reject_reason text;
ALTER TABLE articles ADD COLUMN reviewed_by text;
ALTER TABLE articles ADD COLUMN reviewed_at timestamptz;

-- Free-text search of the draft queue; 'simple' because the texts are in eight languages.
CREATE INDEX articles_fulltext ON articles
  USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(body, '')));
CREATE INDEX articles_published ON articles (published_at DESC NULLS LAST, id DESC);
