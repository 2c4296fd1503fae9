// title: Military spending of an alliance's members
// description: Full members on the date ranked by their latest SIPRI military expenditure (USD millions); members without a figure come last.
// param alliance: id = alliance:nato — the alliance
// param asOf: date = 2025-01-01 — the date
// view: table
// returns: id, name, milexUsdM, milexYear
MATCH (n:Nation)-[r:MEMBER_OF]->(:Alliance {id: $alliance})
WHERE r.role = 'member' AND r.since <= $asOf AND (r.until IS NULL OR $asOf < r.until)
RETURN n.id AS id, n.name AS name, n.milexUsdM AS milexUsdM, n.milexYear AS milexYear
ORDER BY coalesce(n.milexUsdM, -1) DESC, name
