-- Records are filed under their corridors, ORIGIN-DESTINATION: each origin
-- towards each other destination (the domain's one definition), and under
-- the pairs of countries those join, A-B in alphabetical order. Records
-- written before are filed here from their origin and destination rows,
-- which the same rule made.
INSERT INTO facets (kind, facet, value, record_id)
SELECT o.kind, 'corridor', o.value || '-' || d.value, o.record_id
FROM facets o
JOIN facets d ON d.kind = o.kind AND d.record_id = o.record_id AND d.facet = 'destination'
WHERE o.facet = 'origin' AND o.value <> d.value
ON CONFLICT DO NOTHING;

INSERT INTO facets (kind, facet, value, record_id)
SELECT o.kind, 'pair',
       CASE WHEN o.value < d.value THEN o.value || '-' || d.value ELSE d.value || '-' || o.value END,
       o.record_id
FROM facets o
JOIN facets d ON d.kind = o.kind AND d.record_id = o.record_id AND d.facet = 'destination'
WHERE o.facet = 'origin' AND o.value <> d.value
ON CONFLICT DO NOTHING;
