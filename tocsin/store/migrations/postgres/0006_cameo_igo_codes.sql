-- Issue 9: NATO is coded as CAMEO and GDELT write it, IGOWSTNAT (IGO + region WST + group NAT), where stores written
-- before wrote NATO. Roles after the code are kept (NATOMIL -> IGOWSTNATMIL). The EU's former code EUR is also the
-- CAMEO code of Europe, the region, so EU rows of older stores keep EUR: re-code those articles to upgrade them.
UPDATE events SET source_code = 'IGOWSTNAT' || substr(source_code, 5) WHERE starts_with(source_code, 'NATO');
UPDATE events SET target_code = 'IGOWSTNAT' || substr(target_code, 5) WHERE starts_with(target_code, 'NATO');
UPDATE merged_events SET source_code = 'IGOWSTNAT' || substr(source_code, 5) WHERE starts_with(source_code, 'NATO');
UPDATE merged_events SET target_code = 'IGOWSTNAT' || substr(target_code, 5) WHERE starts_with(target_code, 'NATO');
UPDATE merged_events SET source_country = 'IGOWSTNAT' WHERE source_country = 'NATO';
UPDATE merged_events SET target_country = 'IGOWSTNAT' WHERE target_country = 'NATO';
UPDATE merged_events SET src = 'IGOWSTNAT' WHERE src = 'NATO';
UPDATE merged_events SET tgt = 'IGOWSTNAT' WHERE tgt = 'NATO';
UPDATE alerts SET source = 'IGOWSTNAT' WHERE source = 'NATO';
UPDATE alerts SET target = 'IGOWSTNAT' WHERE target = 'NATO';
UPDATE alerts SET pair = regexp_replace(pair, '(^|[>-])NATO($|[>-])', '\1IGOWSTNAT\2', 'g') WHERE strpos(pair, 'NATO') > 0;
