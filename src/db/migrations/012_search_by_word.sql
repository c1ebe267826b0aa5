-- Search by word, across languages (queries: src/domain/search-query.ts; SQL: src/db/search-sql.ts).
-- One GIN index over one stored tsvector per processed article, replacing the 'simple' expression index of 002/007.
-- The vector is made from the title and body folded by the application (src/domain/text/fold.ts: lower case;
-- apostrophes dropped; ş→sh, ç→ch, ž→zh, ı→i, ə→e, ä→a, ö→o, ü→u, ñ→n, ý→y, ğ→g; қ→к, ғ→г, ң→н, ө→о, ү→у, ұ→у,
-- ҳ→х, ҷ→ч, ў→у, і→и, ә→а, ё→е …) and read with harvest_search: Russian snowball stems for Cyrillic words
-- (наркоманией, наркомания → наркоман), unstemmed lexemes for Latin words (Turkic, English), which queries match
-- by prefix (narkotik:*). Folding in SQL (translate over the whole text) cost four times the old index per article;
-- folded in JavaScript, the vector costs about what the old one did (scripts/measure-search-index.ts).
CREATE TEXT SEARCH CONFIGURATION harvest_search (COPY = pg_catalog.russian);
ALTER TEXT SEARCH CONFIGURATION harvest_search
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH simple;

-- Written with the analysis (saveAnalyses), on every edit of the title or body, and for imported published items;
-- NULL while an article is pending: the queue never searches those.
ALTER TABLE articles ADD COLUMN search_vector tsvector;

-- The articles already processed, folded here once with the same table as the application's fold (tested).
UPDATE articles SET search_vector = to_tsvector('harvest_search', replace(replace(replace(translate(lower(coalesce(title, '') || E'\n' || coalesce(body, '')), 'ıəäáöóüúūñňńýğǵéíқғңөүұһҳҷҹҗӣӯўіәёҝј''ʻʼ‘’`´ʹ′̇', 'ieaaoouuunnnyggeiкгноууххччжиууиаегй'), 'ş', 'sh'), 'ç', 'ch'), 'ž', 'zh'))
WHERE status <> 'pending';

DROP INDEX articles_fulltext;
CREATE INDEX articles_fulltext ON articles USING gin (search_vector) WHERE search_vector IS NOT NULL;
