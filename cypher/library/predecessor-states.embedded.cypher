// title: Predecessor states
// description: The states a nation succeeded, directly or through a chain of successions, with the date of each step.
// param nation: id = nation:RUS — the nation
// view: both
// returns: predecessor, succeededOn, steps
MATCH p = (old:Nation)-[:SUCCEEDED_BY*1..6]->(n:Nation {id: $nation})
RETURN old AS predecessor, properties(rels(p), 'since')[1] AS succeededOn, length(p) AS steps
ORDER BY steps
