// Creates or updates one MEMBER_OF relationship by id. {{from}} and {{to}} are node labels
// spliced from the model's endpoint table, never from request text.
// params: $id, $from, $to, $since, $until, $precision, $note, $sources, $role, $layer, $obligations
// returns: id (no row when an endpoint is missing)
MATCH (a:{{from}} {id: $from})
MATCH (b:{{to}} {id: $to})
MERGE (a)-[r:MEMBER_OF {id: $id}]->(b)
SET r.since = $since, r.until = $until, r.precision = $precision, r.note = $note, r.sources = $sources, r.role = $role, r.layer = $layer, r.obligations = $obligations
RETURN r.id AS id
