-- Issue 11: time is explicit. An event has three dates, each named for what it is:
--   events.event_date      the day the event happened: the date its sentence gives ("mardi dernier"), else its
--                          article's publication date (articles.published); NULL when there is neither (undated);
--   articles.published     the article's publication date, as the feed or `tocsin code --published` gave it;
--   events.seen_date       the ingest date: the day tocsin stored the report (articles.coded_at).
-- merged_events.day (what series, ladder and alerts read) used to fall back on the ingest date, so undated articles
-- looked like today's news. It is now the first report's event_date and nothing else: NULL means undated, and the
-- watch counts those apart (tocsin.watch.reports.undated).
UPDATE merged_events SET day = e.event_date FROM events e WHERE e.event_id = merged_events.event_id;
