// Alliances a nation is MEMBER_OF on $asOf.
// params: $id, $asOf
// returns: id, name, kind, role, since, until
MATCH (n:Nation {id: $id})-[r:MEMBER_OF]->(a:Alliance)
WHERE r.since <= $asOf AND (r.until IS NULL OR $asOf < r.until)
RETURN a.id AS id, a.name AS name, a.kind AS kind, r.role AS role, r.since AS since, r.until AS until
ORDER BY name
