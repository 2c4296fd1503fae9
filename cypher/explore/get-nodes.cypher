// Nodes of one label by domain id. {{label}} is spliced from the model's label table.
// params: $ids
// returns: node
MATCH (n:{{label}})
WHERE n.id IN $ids
RETURN n AS node
