// Agreements a nation is PARTY_TO on $asOf.
// params: $id, $asOf
// returns: id, name, kind, role, since, until
MATCH (n:Nation {id: $id})-[r:PARTY_TO]->(g:Agreement)
WHERE r.since <= $asOf AND (r.until IS NULL OR $asOf < r.until)
RETURN g.id AS id, g.name AS name, g.kind AS kind, r.role AS role, r.since AS since, r.until AS until
ORDER BY name
