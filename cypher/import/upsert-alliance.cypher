// Creates or updates one Alliance by id.
// params: $id, $name, $aliases, $note, $sources, $kind, $founded, $dissolved, $atopid, $obligations, $layer, $names
// returns: nothing
MERGE (n:Alliance {id: $id})
SET n.name = $name, n.aliases = $aliases, n.note = $note, n.sources = $sources,
    n.kind = $kind, n.founded = $founded, n.dissolved = $dissolved, n.atopid = $atopid, n.obligations = $obligations, n.layer = $layer, n.names = $names
