// title: What two nations share
// description: Alliances both nations belong to (any role) and agreements both are party to, on the date.
// param first: id = nation:USA — one nation
// param second: id = nation:IND — the other nation
// param asOf: date = 2025-01-01 — the date
// view: both
// returns: tie, kind, firstRole, secondRole
MATCH (a:Nation {id: $first})-[r1]->(x)<-[r2]-(b:Nation {id: $second})
WHERE r1.since <= $asOf AND (r1.until IS NULL OR $asOf < r1.until)
  AND r2.since <= $asOf AND (r2.until IS NULL OR $asOf < r2.until)
RETURN x AS tie, x.kind AS kind, r1.role AS firstRole, r2.role AS secondRole
ORDER BY x.name
