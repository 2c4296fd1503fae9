// Relationship count per type in $layer (curated, atop or all).
// params: $layer
// returns: type, count
MATCH ()-[r]->()
WHERE $layer = 'all' OR coalesce(r.layer, 'curated') = $layer
RETURN label(r) AS type, count(*) AS count
