-- Issue 4: where and when each report happened, and merged events across reports.
-- `events` rows are reports (mentions) of an event; `merged_events` holds one row per event, whatever the
-- number of articles that told it, with GDELT-style counts. events.event_id stays the report's own id.
ALTER TABLE events ADD COLUMN date_precision VARCHAR;
ALTER TABLE events ADD COLUMN place VARCHAR;
ALTER TABLE events ADD COLUMN country VARCHAR;
ALTER TABLE events ADD COLUMN country_fips VARCHAR;
ALTER TABLE events ADD COLUMN admin1 VARCHAR;
ALTER TABLE events ADD COLUMN lat DOUBLE;
ALTER TABLE events ADD COLUMN lon DOUBLE;
ALTER TABLE events ADD COLUMN geonames_id BIGINT;
ALTER TABLE events ADD COLUMN geo_precision VARCHAR;
ALTER TABLE events ADD COLUMN merged_id VARCHAR;

CREATE TABLE merged_events (
    event_id       VARCHAR PRIMARY KEY,  -- the id of the first report of the event: stable across runs
    base_code      VARCHAR NOT NULL,     -- three-digit CAMEO code
    source_country VARCHAR,
    target_country VARCHAR,
    event_date     DATE,
    date_precision VARCHAR,
    country        VARCHAR,
    geonames_id    BIGINT,
    lat            DOUBLE,
    lon            DOUBLE,
    geo_precision  VARCHAR,
    num_mentions   INTEGER NOT NULL,
    num_sources    INTEGER NOT NULL,
    num_articles   INTEGER NOT NULL,
    confidence     DOUBLE NOT NULL
);
CREATE INDEX merged_events_pair ON merged_events (base_code, source_country, target_country);
CREATE INDEX events_merged_id ON events (merged_id);
