-- Issue 11: one alert per pair and period. When several rules fire on the same pair in the same week (or day), the
-- strongest is the alert and the others are its reasons ("rule: message"); see tocsin/watch/alerts.py.
ALTER TABLE alerts ADD COLUMN reasons VARCHAR[];
