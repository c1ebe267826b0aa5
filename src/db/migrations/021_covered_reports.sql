-- Stories first (issue 16): approving or rejecting one report of a story decides the story. Its other reports
-- still waiting become `covered` — kept in their story, out of the queue of drafts — and `covered_by` names the
-- report whose decision covers them (the audit log has a `cover` entry for each). A covered report can still be
-- approved or rejected on its own; moved out of its story, it is `new` again (src/domain/review-states.ts).
ALTER TABLE articles DROP CONSTRAINT articles_status_check;
ALTER TABLE articles ADD CONSTRAINT articles_status_check
  CHECK (status IN ('pending', 'new', 'approved', 'rejected', 'filtered', 'published', 'covered'));
ALTER TABLE articles ADD COLUMN covered_by bigint REFERENCES articles (id);
CREATE INDEX articles_covered_by ON articles (covered_by) WHERE covered_by IS NOT NULL;
