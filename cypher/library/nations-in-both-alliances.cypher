// title: Nations in two alliances at once
// description: Nations that are full members of both alliances on the date.
// param first: id = alliance:nato — one alliance
// param second: id = alliance:eu — the other alliance
// param asOf: date = 2025-01-01 — the date
// view: table
// returns: id, name
MATCH (a:Alliance {id: $first})<-[r1:MEMBER_OF]-(n:Nation)-[r2:MEMBER_OF]->(b:Alliance {id: $second})
WHERE r1.role = 'member' AND r2.role = 'member'
  AND r1.since <= $asOf AND (r1.until IS NULL OR $asOf < r1.until)
  AND r2.since <= $asOf AND (r2.until IS NULL OR $asOf < r2.until)
RETURN n.id AS id, n.name AS name
ORDER BY name
