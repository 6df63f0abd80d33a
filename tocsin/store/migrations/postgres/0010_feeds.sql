-- Issue 13: the feeds `tocsin watch` polls and the items it has seen in them, so a restart resumes where it stopped.
-- The PostgreSQL copy of migrations/duckdb/0010_feeds.sql (strings COLLATE "C", as in every PostgreSQL migration).
CREATE TABLE feeds (
    url            VARCHAR COLLATE "C" PRIMARY KEY,   -- the feed's URL as written in feeds.toml
    name           VARCHAR COLLATE "C",               -- its name in feeds.toml (or the URL)
    etag           VARCHAR COLLATE "C",               -- validators of the last response whose items were all handled (conditional GET)
    last_modified  VARCHAR COLLATE "C",
    checked_at     TIMESTAMP              -- UTC, the last time the feed was fetched
);

CREATE TABLE feed_items (
    url           VARCHAR COLLATE "C" PRIMARY KEY,    -- canonical URL (no fragment, no utm_* parameters): the item's identity
    feed          VARCHAR COLLATE "C" NOT NULL,       -- the feed it was first seen in
    content_hash  VARCHAR COLLATE "C",                -- hash of the extracted text (content_id): the same story under two URLs is coded once
    article_id    VARCHAR COLLATE "C",                -- the stored article (its id is the canonical URL), or the one it duplicates
    status        VARCHAR COLLATE "C" NOT NULL,       -- pending (being saved), stored, duplicate, failed (a permanent error: not fetched again)
    detail        VARCHAR COLLATE "C",                -- why it failed, or which URL it duplicates
    seen_at       TIMESTAMP NOT NULL      -- UTC
);
CREATE INDEX feed_items_hash ON feed_items (content_hash);
