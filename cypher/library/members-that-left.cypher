// title: Members that left an alliance
// description: Full-membership spells that ended while the alliance carried on, and what the nation's status was afterwards.
// param alliance: id = alliance:csto — the alliance
// view: table
// returns: id, name, since, left, note
MATCH (n:Nation)-[r:MEMBER_OF]->(a:Alliance {id: $alliance})
WHERE r.role = 'member' AND r.until IS NOT NULL AND (a.dissolved IS NULL OR r.until < a.dissolved)
  AND (n.until IS NULL OR r.until < n.until)
RETURN n.id AS id, n.name AS name, r.since AS since, r.until AS left, r.note AS note
ORDER BY left, name
