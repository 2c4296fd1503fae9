// Node count per label (Neo4j: labels(n) is a list).
// params: none
// returns: label, count
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
