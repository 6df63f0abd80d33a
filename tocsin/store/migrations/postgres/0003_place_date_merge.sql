-- Issue 4: where and when each report happened, and merged events across reports.
-- `events` rows are reports (mentions) of an event; `merged_events` holds one row per event, whatever the
-- number of articles that told it, with GDELT-style counts. events.event_id stays the report's own id.
ALTER TABLE events ADD COLUMN date_precision VARCHAR COLLATE "C";
ALTER TABLE events ADD COLUMN place VARCHAR COLLATE "C";
ALTER TABLE events ADD COLUMN country VARCHAR COLLATE "C";
ALTER TABLE events ADD COLUMN country_fips VARCHAR COLLATE "C";
ALTER TABLE events ADD COLUMN admin1 VARCHAR COLLATE "C";
ALTER TABLE events ADD COLUMN lat DOUBLE PRECISION;
ALTER TABLE events ADD COLUMN lon DOUBLE PRECISION;
ALTER TABLE events ADD COLUMN geonames_id BIGINT;
ALTER TABLE events ADD COLUMN geo_precision VARCHAR COLLATE "C";
ALTER TABLE events ADD COLUMN merged_id VARCHAR COLLATE "C";

CREATE TABLE merged_events (
    event_id       VARCHAR COLLATE "C" PRIMARY KEY,  -- the id of the first report of the event: stable across runs
    base_code      VARCHAR COLLATE "C" NOT NULL,     -- three-digit CAMEO code
    source_country VARCHAR COLLATE "C",
    target_country VARCHAR COLLATE "C",
    event_date     DATE,
    date_precision VARCHAR COLLATE "C",
    country        VARCHAR COLLATE "C",
    geonames_id    BIGINT,
    lat            DOUBLE PRECISION,
    lon            DOUBLE PRECISION,
    geo_precision  VARCHAR COLLATE "C",
    num_mentions   INTEGER NOT NULL,
    num_sources    INTEGER NOT NULL,
    num_articles   INTEGER NOT NULL,
    confidence     DOUBLE PRECISION NOT NULL
);
CREATE INDEX merged_events_pair ON merged_events (base_code, source_country, target_country);
CREATE INDEX events_merged_id ON events (merged_id);
