-- Issue 5: nuclear signalling flag on every report, and stored alerts.
-- Reports coded before this version keep nuclear = false (re-code them to flag them).
CREATE TABLE alerts (
    id          VARCHAR COLLATE "C" PRIMARY KEY,   -- hash of rule, pair and period: the same alert is stored once
    rule        VARCHAR COLLATE "C" NOT NULL,      -- name of the rule in the rules file
    kind        VARCHAR COLLATE "C" NOT NULL,      -- change, spike, rung, first
    pair        VARCHAR COLLATE "C" NOT NULL,      -- "RUS>NATO"
    source      VARCHAR COLLATE "C",
    target      VARCHAR COLLATE "C",
    freq        VARCHAR COLLATE "C" NOT NULL,      -- week or day
    period      DATE NOT NULL,         -- Monday of the week (or the day)
    score       DOUBLE PRECISION NOT NULL,
    message     VARCHAR COLLATE "C" NOT NULL,
    evidence    VARCHAR[] COLLATE "C" NOT NULL,    -- merged event ids behind the alert
    created_at  TIMESTAMP NOT NULL,    -- UTC
    posted_at   TIMESTAMP              -- when the webhook accepted it
);
CREATE INDEX alerts_pair ON alerts (pair);

ALTER TABLE events ADD COLUMN nuclear BOOLEAN DEFAULT false;
UPDATE events SET nuclear = false WHERE nuclear IS NULL;
-- The day tocsin stored the report: the date of last resort for series when neither the text nor the
-- article gives one (GDELT's DATEADDED plays the same part).
ALTER TABLE events ADD COLUMN seen_date DATE;
UPDATE events SET seen_date = (SELECT a.coded_at::DATE FROM articles a WHERE a.id = events.article_id);

