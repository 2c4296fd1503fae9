// title: Members of an alliance on a date
// description: Nations that hold a MEMBER_OF relationship to the alliance on the date, in any role, with the dates of that spell.
// param alliance: id = alliance:nato — the alliance
// param asOf: date = 2025-01-01 — the date
// view: both
// returns: nation, role, since, until
MATCH (n:Nation)-[r:MEMBER_OF]->(a:Alliance {id: $alliance})
WHERE r.since <= $asOf AND (r.until IS NULL OR $asOf < r.until)
RETURN n AS nation, r.role AS role, r.since AS since, r.until AS until
ORDER BY n.name
