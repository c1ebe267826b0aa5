-- One monthly release: imported from a past PDF/text, or assembled from approved drafts.
CREATE TABLE bulletins (
  id bigserial PRIMARY KEY,
  number integer NOT NULL CONSTRAINT bulletins_number_unique UNIQUE,
  period_from date NOT NULL,
  period_to date NOT NULL CHECK (period_to >= period_from),
  origin text NOT NULL CHECK (origin IN ('imported', 'assembled')),
  -- The analyst's wording of the opening count line and the topics paragraph; null = generated.
  counts_line text,
  topics text,
  -- Member states in print order; null = the house order.
  country_order text[],
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bulletins_period ON bulletins (period_from, period_to);

-- The items of a bulletin. title/body/url are the printed (English) text: copied from the release on import,
-- set by the analyst for assembled bulletins; null falls back to the linked article's own fields.
CREATE TABLE bulletin_items (
  id bigserial PRIMARY KEY,
  bulletin_id bigint NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
  article_id bigint REFERENCES articles (id) ON DELETE SET NULL,
  -- A member state's ISO 3166-1 alpha-2 code, or 'other' for events outside them.
  country text NOT NULL,
  -- The analyst's order within the country; null items follow, by publication date.
  position integer,
  title text,
  body text,
  url text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bulletin_items_bulletin ON bulletin_items (bulletin_id, country, position);
CREATE INDEX bulletin_items_article ON bulletin_items (article_id);
