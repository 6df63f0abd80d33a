"""Pipeline stages, in order: ingest, language, nlp, actors, events."""
