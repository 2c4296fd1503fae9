// Relationship count per type (Neo4j: type(r)).
// params: none
// returns: type, count
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
