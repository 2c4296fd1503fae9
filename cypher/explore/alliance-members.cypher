// Nations holding a MEMBER_OF relationship (any role) to an alliance on $asOf, in $layer
// (curated, atop or all).
// params: $id, $asOf, $layer
// returns: id, name, role, since, until, layer
MATCH (n:Nation)-[r:MEMBER_OF]->(a:Alliance {id: $id})
WHERE r.since <= $asOf AND (r.until IS NULL OR $asOf < r.until)
  AND ($layer = 'all' OR coalesce(r.layer, 'curated') = $layer)
RETURN n.id AS id, n.name AS name, r.role AS role, r.since AS since, r.until AS until,
       coalesce(r.layer, 'curated') AS layer
ORDER BY name
