// Creates or updates one Agreement by id, with the folded search text the full-text index holds.
// params: $id, $name, $aliases, $note, $sources, $kind, $scope, $signed, $adopted, $inForce, $ended, $atopid, $obligations, $searchText
// returns: nothing
MERGE (n:Agreement {id: $id})
SET n.name = $name, n.aliases = $aliases, n.note = $note, n.sources = $sources,
    n.kind = $kind, n.scope = $scope, n.signed = $signed, n.adopted = $adopted,
    n.inForce = $inForce, n.ended = $ended, n.atopid = $atopid, n.obligations = $obligations, n.searchText = $searchText
