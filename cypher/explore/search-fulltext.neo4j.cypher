// Nodes the full-text index matches for a Lucene query (see store/neo4j/search-text.ts); the
// server ranks them like the embedded adapter does.
// params: $query
// returns: id, name, aliases, layer
CALL db.index.fulltext.queryNodes('entente_search', $query) YIELD node
RETURN node.id AS id, node.name AS name, node.aliases AS aliases, node.layer AS layer
