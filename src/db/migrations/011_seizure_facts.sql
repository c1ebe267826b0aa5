-- Seizure facts of a relevant article (src/domain/seizure-facts.ts): {seizures: [{substance, grams?, count?,
-- unit?}], statistics?, detained?, place?, operation?, article?}. NULL when the article states none or is not
-- relevant. Written with the analysis; summed per country and substance on the coverage page.
ALTER TABLE articles ADD COLUMN facts jsonb;
