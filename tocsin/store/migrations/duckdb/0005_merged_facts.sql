-- Issue 5: what series, ladder and alerts need of each merged event, kept on merged_events so that they read one
-- row per event without joining its reports. Filled from the event's first report (whose id is the merged id);
-- nuclear and signal are over all its reports. `signal`: nuclear signalling (see tocsin/watch/reports.py).
-- Rows are refreshed by DuckDBStore on every save (tocsin.store.duckdb.refresh_merged_facts runs the same update).
ALTER TABLE merged_events ADD COLUMN article_id VARCHAR;
ALTER TABLE merged_events ADD COLUMN cameo VARCHAR;
ALTER TABLE merged_events ADD COLUMN root VARCHAR;
ALTER TABLE merged_events ADD COLUMN quad INTEGER;
ALTER TABLE merged_events ADD COLUMN goldstein DOUBLE;
ALTER TABLE merged_events ADD COLUMN source_code VARCHAR;
ALTER TABLE merged_events ADD COLUMN target_code VARCHAR;
ALTER TABLE merged_events ADD COLUMN src VARCHAR;       -- principal of source_code (RUSMIL -> RUS, NATO codes -> NATO)
ALTER TABLE merged_events ADD COLUMN tgt VARCHAR;
ALTER TABLE merged_events ADD COLUMN day DATE;          -- event_date, else the day the first report was stored
ALTER TABLE merged_events ADD COLUMN nuclear BOOLEAN DEFAULT false;
ALTER TABLE merged_events ADD COLUMN signal BOOLEAN DEFAULT false;

UPDATE merged_events SET article_id = f.article_id, cameo = f.cameo, root = f.root, quad = f.quad, goldstein = f.goldstein,
    source_code = f.source_code, target_code = f.target_code, src = f.src, tgt = f.tgt, day = f.day, nuclear = f.nuclear, signal = f.signal
FROM (
    WITH sig AS (
        SELECT DISTINCT s.article_id, CASE WHEN starts_with(s.source_code, 'NATO') THEN 'NATO' ELSE left(s.source_code, 3) END AS src
        FROM events s WHERE coalesce(s.nuclear, false) AND (s.root IN ('13', '15', '17', '18', '19') OR s.cameo = '1385')
    ), agg AS (
        SELECT r.merged_id, bool_or(coalesce(r.nuclear, false)) AS nuclear,
               bool_or((coalesce(r.nuclear, false) AND (r.root IN ('13', '15', '17', '18', '19') OR r.cameo = '1385'))
                       OR (r.quad >= 3 AND g.src IS NOT NULL)) AS signal
        FROM events r LEFT JOIN sig g ON g.article_id = r.article_id
             AND g.src = CASE WHEN starts_with(r.source_code, 'NATO') THEN 'NATO' ELSE left(r.source_code, 3) END
        WHERE r.merged_id IS NOT NULL GROUP BY r.merged_id
    )
    SELECT e.event_id, e.article_id, e.cameo, e.root, e.quad, e.goldstein, e.source_code, e.target_code,
           CASE WHEN starts_with(e.source_code, 'NATO') THEN 'NATO' ELSE left(e.source_code, 3) END AS src,
           CASE WHEN starts_with(e.target_code, 'NATO') THEN 'NATO' ELSE left(e.target_code, 3) END AS tgt,
           coalesce(e.event_date, e.seen_date) AS day, agg.nuclear, agg.signal
    FROM events e JOIN agg ON agg.merged_id = e.event_id
) f
WHERE f.event_id = merged_events.event_id;
-- No index on (src, tgt): DuckDB uses ART indexes for point lookups only, and a pair's series scans anyway
-- (measured with bench/bench_api.py); an index would also make this UPDATE fail on a store that has rows.
