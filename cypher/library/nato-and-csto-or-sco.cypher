// title: Ever in NATO and in the CSTO or SCO
// description: Nations that at any time held a relationship (any role) with NATO and with the CSTO or the SCO, with the first date of each.
// view: table
// returns: id, name, natoSince, other, otherRole, otherSince
MATCH (n:Nation)-[r:MEMBER_OF]->(:Alliance {id: 'alliance:nato'})
MATCH (n)-[s:MEMBER_OF]->(o:Alliance)
WHERE o.id IN ['alliance:csto', 'alliance:sco']
RETURN n.id AS id, n.name AS name, min(r.since) AS natoSince, o.name AS other, s.role AS otherRole, min(s.since) AS otherSince
ORDER BY name, other
