// Node count per label in $layer (curated, atop or all) (Neo4j: labels(n) is a list).
// params: $layer
// returns: label, count
MATCH (n)
WHERE $layer = 'all' OR coalesce(n.layer, 'curated') = $layer
UNWIND labels(n) AS label
RETURN label, count(*) AS count
