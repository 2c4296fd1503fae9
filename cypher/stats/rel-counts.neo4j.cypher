// Relationship count per type in $layer (curated, atop or all) (Neo4j: type(r)).
// params: $layer
// returns: type, count
MATCH ()-[r]->()
WHERE $layer = 'all' OR coalesce(r.layer, 'curated') = $layer
RETURN type(r) AS type, count(*) AS count
