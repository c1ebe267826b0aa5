-- Near-duplicate candidates by SimHash band found every story member ever stored that shares one of eight 8-bit
-- bands — about 3% of all members by chance, each read to compute its distance: the lookup grew with the store
-- (issue 17). The band keys now carry the period of eight days the member was published in (undated: when its
-- run started, else when it was stored), and a draft asks for the periods of its near-duplicate window
-- (src/domain/story-keys.ts: simhashBandKeys, simhashBandQueryKeys): the lookup reads what those weeks hold.

-- Same keys as simhashBandKeys in src/domain/story-keys.ts (tested): band i (the i-th 8 bits from the lowest) with
-- value v, published in period p = floor(day / 8) (day: days since 1970-01-01 UTC), is p * 2048 + i * 256 + v.
CREATE FUNCTION harvest_simhash_band_keys(simhash bigint, at timestamptz) RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_agg(
           (floor(floor(extract(epoch FROM at) / 86400) / 8)::bigint * 2048 + i * 256 + ((simhash >> (8 * i)) & 255))::integer
           ORDER BY i)
  FROM generate_series(0, 7) AS i
$$;

UPDATE articles AS a
   SET simhash_bands = harvest_simhash_band_keys(
         a.simhash,
         coalesce(a.published_at, (SELECT r.reference_time FROM crawl_runs AS r WHERE r.id = a.run_id), a.created_at))
 WHERE a.simhash_bands IS NOT NULL AND a.simhash IS NOT NULL;
