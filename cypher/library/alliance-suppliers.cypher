// title: Contractors supplying an alliance's members
// description: Defence contractors with a SUPPLIES relationship to any full member of the alliance on the date, with the members supplied and the systems.
// param alliance: id = alliance:nato — the alliance
// param asOf: date = 2025-01-01 — the date of membership
// view: both
// returns: contractor, customers, systems
MATCH (c:Contractor)-[s:SUPPLIES]->(n:Nation)-[m:MEMBER_OF]->(:Alliance {id: $alliance})
WHERE m.role = 'member' AND m.since <= $asOf AND (m.until IS NULL OR $asOf < m.until)
WITH c, collect(DISTINCT n.name) AS customers, collect(s.systems) AS systems
RETURN c AS contractor, customers, systems
ORDER BY size(customers) DESC, contractor.name
