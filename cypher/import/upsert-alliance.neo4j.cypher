// Creates or updates one Alliance by id, with the folded search text the full-text index holds.
// params: $id, $name, $aliases, $note, $sources, $kind, $founded, $dissolved, $atopid, $obligations, $searchText, $layer, $names
// returns: nothing
MERGE (n:Alliance {id: $id})
SET n.name = $name, n.aliases = $aliases, n.note = $note, n.sources = $sources,
    n.kind = $kind, n.founded = $founded, n.dissolved = $dissolved, n.atopid = $atopid, n.obligations = $obligations, n.layer = $layer, n.names = $names, n.searchText = $searchText
