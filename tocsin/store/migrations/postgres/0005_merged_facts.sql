-- Issue 5: what series, ladder and alerts need of each merged event, kept on merged_events so that they read one
-- row per event without joining its reports. Filled from the event's first report (whose id is the merged id);
-- nuclear and signal are over all its reports. `signal`: nuclear signalling (see tocsin/watch/reports.py).
ALTER TABLE merged_events ADD COLUMN article_id VARCHAR COLLATE "C";
ALTER TABLE merged_events ADD COLUMN cameo VARCHAR COLLATE "C";
ALTER TABLE merged_events ADD COLUMN root VARCHAR COLLATE "C";
ALTER TABLE merged_events ADD COLUMN quad INTEGER;
ALTER TABLE merged_events ADD COLUMN goldstein DOUBLE PRECISION;
ALTER TABLE merged_events ADD COLUMN source_code VARCHAR COLLATE "C";
ALTER TABLE merged_events ADD COLUMN target_code VARCHAR COLLATE "C";
ALTER TABLE merged_events ADD COLUMN src VARCHAR COLLATE "C";       -- principal of source_code (RUSMIL -> RUS, NATO codes -> NATO)
ALTER TABLE merged_events ADD COLUMN tgt VARCHAR COLLATE "C";
ALTER TABLE merged_events ADD COLUMN day DATE;          -- event_date, else the day the first report was stored
ALTER TABLE merged_events ADD COLUMN nuclear BOOLEAN DEFAULT false;
ALTER TABLE merged_events ADD COLUMN signal BOOLEAN DEFAULT false;

-- The rows of a store written before this version are filled by PostgresStore when it opens the store
-- (tocsin.store.postgres, the same statement it runs on every save).
