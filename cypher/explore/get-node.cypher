// One node by domain id.
// params: $id
// returns: node
MATCH (n {id: $id})
RETURN n AS node
