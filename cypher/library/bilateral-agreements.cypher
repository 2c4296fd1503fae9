// title: A nation's bilateral agreements
// description: Bilateral agreements the nation is or was party to, with the other party and the dates.
// param nation: id = nation:USA — the nation
// view: both
// returns: agreement, kind, signed, partner, since, until
MATCH (n:Nation {id: $nation})-[r:PARTY_TO]->(g:Agreement)<-[:PARTY_TO]-(p:Nation)
WHERE g.scope = 'bilateral' AND p.id <> n.id
RETURN g AS agreement, g.kind AS kind, g.signed AS signed, p AS partner, r.since AS since, r.until AS until
ORDER BY since
