// Nations holding a MEMBER_OF relationship (any role) to an alliance on $asOf.
// params: $id, $asOf
// returns: id, name, role, since, until
MATCH (n:Nation)-[r:MEMBER_OF]->(a:Alliance {id: $id})
WHERE r.since <= $asOf AND (r.until IS NULL OR $asOf < r.until)
RETURN n.id AS id, n.name AS name, r.role AS role, r.since AS since, r.until AS until
ORDER BY name
