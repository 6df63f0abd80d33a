-- Indexes for the filters Store.events() offers.
CREATE INDEX events_source_code ON events (source_code);
CREATE INDEX events_target_code ON events (target_code);
CREATE INDEX events_event_date ON events (event_date);
CREATE INDEX events_cameo ON events (cameo);
