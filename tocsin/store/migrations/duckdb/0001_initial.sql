-- tocsin event store, initial schema (DuckDB).
-- schema_version is created by the migration runner itself.

CREATE TABLE articles (
    id          VARCHAR PRIMARY KEY,
    title       VARCHAR,
    url         VARCHAR,
    outlet      VARCHAR,
    published   VARCHAR,       -- as given: ISO date or datetime
    lang        VARCHAR,
    lang_score  DOUBLE,
    origin      VARCHAR,
    text        VARCHAR NOT NULL,
    n_sentences INTEGER NOT NULL,
    coded_at    TIMESTAMP NOT NULL,  -- UTC
    coder       VARCHAR
);

CREATE TABLE sentences (
    article_id  VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        VARCHAR NOT NULL
);

CREATE TABLE mentions (
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    code           VARCHAR,
    country        VARCHAR,
    roles          VARCHAR[],
    name           VARCHAR,
    kind           VARCHAR
);

CREATE TABLE events (
    event_id       VARCHAR PRIMARY KEY,  -- hash of article_id|sentence_index|trigger_start|cameo|source_code|target_code
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    sentence       VARCHAR NOT NULL,
    cameo          VARCHAR NOT NULL,
    root           VARCHAR NOT NULL,
    quad           INTEGER NOT NULL,
    goldstein      DOUBLE NOT NULL,
    source_code    VARCHAR,
    source_text    VARCHAR,
    source_start   INTEGER,
    source_end     INTEGER,
    target_code    VARCHAR,
    target_text    VARCHAR,
    target_start   INTEGER,
    target_end     INTEGER,
    penta          INTEGER,
    plover         VARCHAR,
    mode           VARCHAR,
    trigger        VARCHAR NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    confidence     DOUBLE NOT NULL,
    rule           VARCHAR NOT NULL,
    coder          VARCHAR NOT NULL,
    lang           VARCHAR,
    negated        BOOLEAN NOT NULL,
    hypothetical   BOOLEAN NOT NULL,
    reported       BOOLEAN NOT NULL,
    source_country VARCHAR,  -- first three letters of source_code
    target_country VARCHAR,
    event_date     DATE      -- date part of the article's published, NULL if none
);
