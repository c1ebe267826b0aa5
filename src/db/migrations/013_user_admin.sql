-- People management (issue 16): admins disable and enable accounts, reset passwords and change roles; a
-- global activity page reads the audit log by period, person and action.
ALTER TABLE users ADD COLUMN disabled_at timestamptz;
ALTER TABLE users ADD COLUMN disabled_by text;
ALTER TABLE users ADD COLUMN password_changed_at timestamptz;
UPDATE users SET disabled_at = created_at WHERE disabled;
-- `disabled` stays the flag every session lookup reads; the time goes with it.
ALTER TABLE users ADD CONSTRAINT users_disabled_at CHECK (disabled = (disabled_at IS NOT NULL));

-- The activity page: newest first over a period, and one person's actions.
CREATE INDEX audit_log_created ON audit_log (created_at DESC, id DESC);
CREATE INDEX audit_log_user_created ON audit_log (user_name, created_at DESC, id DESC);
