// title: A nation's alliance timeline
// description: Every membership spell of the nation (any role), in date order.
// param nation: id = nation:TUR — the nation
// view: table
// returns: alliance, kind, role, since, until
MATCH (n:Nation {id: $nation})-[r:MEMBER_OF]->(a:Alliance)
RETURN a.name AS alliance, a.kind AS kind, r.role AS role, r.since AS since, r.until AS until
ORDER BY since, alliance
