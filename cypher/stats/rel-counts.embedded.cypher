// Relationship count per type.
// params: none
// returns: type, count
MATCH ()-[r]->()
RETURN label(r) AS type, count(*) AS count
