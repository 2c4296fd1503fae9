// Nodes of one label by domain id. {{label}} is spliced from the model's label table.
// One primary-key lookup per id: `WHERE n.id IN $ids` scans the whole table (LadybugDB:
// 5,000 ids among 50,000 nodes took 2.4 s that way, 0.19 s this way).
// params: $ids
// returns: node
UNWIND $ids AS id
MATCH (n:{{label}} {id: id})
RETURN n AS node
