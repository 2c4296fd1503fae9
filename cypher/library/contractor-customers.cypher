// title: A contractor's customers
// description: Nations a contractor supplies, with the systems and dates.
// param contractor: id = contractor:lockheed-martin — the contractor
// view: both
// returns: nation, systems, since, until
MATCH (c:Contractor {id: $contractor})-[s:SUPPLIES]->(n:Nation)
RETURN n AS nation, s.systems AS systems, s.since AS since, s.until AS until
ORDER BY since
