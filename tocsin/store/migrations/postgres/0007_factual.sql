-- Issue 9: series, ladder and alerts count only events that happened. `factual` is true when at least one report
-- of the merged event is neither negated nor hypothetical (intended, conditional, future). Filled by PostgresStore
-- when it opens a store written before this version (tocsin.store.postgres).
ALTER TABLE merged_events ADD COLUMN factual BOOLEAN;
