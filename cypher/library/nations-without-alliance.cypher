// title: Nations in no defence alliance on a date
// description: States that existed on the date and were not full members of any collective-defence alliance then.
// param asOf: date = 2025-01-01 — the date
// view: table
// returns: id, name, region
MATCH (n:Nation)
WHERE (n.since IS NULL OR n.since <= $asOf) AND (n.until IS NULL OR $asOf < n.until)
  AND NOT EXISTS {
    MATCH (n)-[r:MEMBER_OF]->(a:Alliance)
    WHERE a.kind = 'collective-defence' AND r.role = 'member'
      AND r.since <= $asOf AND (r.until IS NULL OR $asOf < r.until)
  }
RETURN n.id AS id, n.name AS name, n.region AS region
ORDER BY region, name
