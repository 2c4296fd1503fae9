// Every node's id, name and aliases, for ranking search matches in the server.
// params: none
// returns: id, name, aliases, layer
MATCH (n)
RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.layer AS layer
