// Alliances a nation is MEMBER_OF on $asOf, in $layer (curated, atop or all).
// params: $id, $asOf, $layer
// returns: id, name, kind, role, since, until, layer
MATCH (n:Nation {id: $id})-[r:MEMBER_OF]->(a:Alliance)
WHERE r.since <= $asOf AND (r.until IS NULL OR $asOf < r.until)
  AND ($layer = 'all' OR coalesce(r.layer, 'curated') = $layer)
RETURN a.id AS id, a.name AS name, a.kind AS kind, r.role AS role, r.since AS since, r.until AS until,
       coalesce(r.layer, 'curated') AS layer
ORDER BY name
