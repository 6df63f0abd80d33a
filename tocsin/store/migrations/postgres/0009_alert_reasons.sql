-- Issue 11: one alert per pair and period. When several rules fire on the same pair in the same week (or day), the
-- strongest is the alert and the others are its reasons ("rule: message"); see tocsin/watch/alerts.py.
ALTER TABLE alerts ADD COLUMN reasons VARCHAR[] COLLATE "C";

-- Alerts stored before this version: one per pair, frequency and period, the strongest kept (rung, spike, change,
-- first; then the higher score) with the others as its reasons; alerts on a self-pair (SRB>SRB) are dropped.
DELETE FROM alerts WHERE source = target;
CREATE TEMP TABLE alert_ranks AS
SELECT id, pair, freq, period, rule, message,
       row_number() OVER (PARTITION BY pair, freq, period ORDER BY CASE kind WHEN 'rung' THEN 4 WHEN 'spike' THEN 3 WHEN 'change' THEN 2 ELSE 1 END DESC,
                          score DESC, rule) AS n
FROM alerts;
UPDATE alerts SET reasons = r.reasons
FROM (
    SELECT w.id, array_agg(o.rule || ': ' || o.message ORDER BY o.n) AS reasons
    FROM alert_ranks w JOIN alert_ranks o ON o.pair = w.pair AND o.freq = w.freq AND o.period = w.period AND o.n > 1
    WHERE w.n = 1 GROUP BY w.id
) r
WHERE alerts.id = r.id;
DELETE FROM alerts WHERE id IN (SELECT id FROM alert_ranks WHERE n > 1);
DROP TABLE alert_ranks;
