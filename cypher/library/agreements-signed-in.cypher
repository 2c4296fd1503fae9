// title: Agreements signed in a period
// description: Agreements signed (or adopted, for resolutions) between the two dates, with their parties.
// param from: date = 2010-01-01 — first day
// param to: date = 2025-12-31 — last day
// view: table
// returns: id, name, kind, scope, date, parties
MATCH (g:Agreement)
WHERE coalesce(g.signed, g.adopted) >= $from AND coalesce(g.signed, g.adopted) <= $to
OPTIONAL MATCH (p:Nation)-[:PARTY_TO]->(g)
RETURN g.id AS id, g.name AS name, g.kind AS kind, g.scope AS scope, coalesce(g.signed, g.adopted) AS date, collect(p.name) AS parties
ORDER BY date
