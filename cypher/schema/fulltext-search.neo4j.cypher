// Full-text index for search over every node's folded name, aliases and code (searchText,
// written by the Neo4j upserts). Its text is folded in the server, so the whitespace analyser
// keeps the terms as written; search ranks the hits in the server (lib/search-rank.ts).
// params: none
// returns: nothing
CREATE FULLTEXT INDEX entente_search IF NOT EXISTS
FOR (n:Nation|Alliance|Agreement|Contractor) ON EACH [n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } }
