// title: Most overlapping pairs of alliances
// description: Pairs of alliances ranked by the number of nations that are full members of both on the date.
// param asOf: date = 2025-01-01 — the date
// param top: int = 10 — how many pairs
// view: table
// returns: first, second, shared
MATCH (a:Alliance)<-[r1:MEMBER_OF]-(n:Nation)-[r2:MEMBER_OF]->(b:Alliance)
WHERE a.id < b.id AND r1.role = 'member' AND r2.role = 'member'
  AND r1.since <= $asOf AND (r1.until IS NULL OR $asOf < r1.until)
  AND r2.since <= $asOf AND (r2.until IS NULL OR $asOf < r2.until)
RETURN a.name AS first, b.name AS second, count(DISTINCT n) AS shared
ORDER BY shared DESC, first, second
LIMIT $top
