-- tocsin event store, initial schema (PostgreSQL).
-- schema_version is created by the migration runner itself (tocsin.store.postgres).
-- The same tables and columns as migrations/duckdb; strings compare byte by byte (COLLATE "C", as in DuckDB), so
-- every ORDER BY gives the DuckDB order whatever the database's locale. events.rowid stands for DuckDB's implicit
-- rowid column (numbered as rows are stored), which PostgreSQL lacks; queries leave it out of event rows.

CREATE TABLE articles (
    id          VARCHAR COLLATE "C" PRIMARY KEY,
    title       VARCHAR COLLATE "C",
    url         VARCHAR COLLATE "C",
    outlet      VARCHAR COLLATE "C",
    published   VARCHAR COLLATE "C",       -- as given: ISO date or datetime
    lang        VARCHAR COLLATE "C",
    lang_score  DOUBLE PRECISION,
    origin      VARCHAR COLLATE "C",
    text        VARCHAR COLLATE "C" NOT NULL,
    n_sentences INTEGER NOT NULL,
    coded_at    TIMESTAMP NOT NULL,  -- UTC
    coder       VARCHAR COLLATE "C"
);

CREATE TABLE sentences (
    article_id  VARCHAR COLLATE "C" NOT NULL,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        VARCHAR COLLATE "C" NOT NULL
);

CREATE TABLE mentions (
    article_id     VARCHAR COLLATE "C" NOT NULL,
    sentence_index INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           VARCHAR COLLATE "C" NOT NULL,
    code           VARCHAR COLLATE "C",
    country        VARCHAR COLLATE "C",
    roles          VARCHAR[] COLLATE "C",
    name           VARCHAR COLLATE "C",
    kind           VARCHAR COLLATE "C"
);

CREATE TABLE events (
    event_id       VARCHAR COLLATE "C" PRIMARY KEY,  -- hash of article_id|sentence_index|trigger_start|cameo|source_code|target_code
    article_id     VARCHAR COLLATE "C" NOT NULL,
    sentence_index INTEGER NOT NULL,
    sentence       VARCHAR COLLATE "C" NOT NULL,
    cameo          VARCHAR COLLATE "C" NOT NULL,
    root           VARCHAR COLLATE "C" NOT NULL,
    quad           INTEGER NOT NULL,
    goldstein      DOUBLE PRECISION NOT NULL,
    source_code    VARCHAR COLLATE "C",
    source_text    VARCHAR COLLATE "C",
    source_start   INTEGER,
    source_end     INTEGER,
    target_code    VARCHAR COLLATE "C",
    target_text    VARCHAR COLLATE "C",
    target_start   INTEGER,
    target_end     INTEGER,
    penta          INTEGER,
    plover         VARCHAR COLLATE "C",
    mode           VARCHAR COLLATE "C",
    trigger        VARCHAR COLLATE "C" NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    confidence     DOUBLE PRECISION NOT NULL,
    rule           VARCHAR COLLATE "C" NOT NULL,
    coder          VARCHAR COLLATE "C" NOT NULL,
    lang           VARCHAR COLLATE "C",
    negated        BOOLEAN NOT NULL,
    hypothetical   BOOLEAN NOT NULL,
    reported       BOOLEAN NOT NULL,
    source_country VARCHAR COLLATE "C",  -- first three letters of source_code
    target_country VARCHAR COLLATE "C",
    event_date     DATE,     -- date part of the article's published, NULL if none
    rowid          BIGINT GENERATED ALWAYS AS IDENTITY  -- DuckDB's rowid: the order reports were stored in (the API pages by it)
);
