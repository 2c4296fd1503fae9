// Creates or updates one HEADQUARTERED_IN relationship by id. {{from}} and {{to}} are node labels
// spliced from the model's endpoint table, never from request text.
// params: $id, $from, $to, $since, $until, $precision, $note, $sources
// returns: id (no row when an endpoint is missing)
MATCH (a:{{from}} {id: $from})
MATCH (b:{{to}} {id: $to})
MERGE (a)-[r:HEADQUARTERED_IN {id: $id}]->(b)
SET r.since = $since, r.until = $until, r.precision = $precision, r.note = $note, r.sources = $sources
RETURN r.id AS id
