// title: Suppliers common to two states
// description: Contractors that supply both nations (rivals often share suppliers), with what each receives.
// param first: id = nation:IND — one nation
// param second: id = nation:PAK — the other nation
// view: both
// returns: contractor, firstSystems, firstSince, secondSystems, secondSince
MATCH (a:Nation {id: $first})<-[s1:SUPPLIES]-(c:Contractor)-[s2:SUPPLIES]->(b:Nation {id: $second})
RETURN c AS contractor, s1.systems AS firstSystems, s1.since AS firstSince, s2.systems AS secondSystems, s2.since AS secondSince
ORDER BY c.name
