// Node count per label in $layer (curated, atop or all).
// params: $layer
// returns: label, count
MATCH (n)
WHERE $layer = 'all' OR coalesce(n.layer, 'curated') = $layer
RETURN label(n) AS label, count(*) AS count
