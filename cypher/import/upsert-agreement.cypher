// Creates or updates one Agreement by id.
// params: $id, $name, $aliases, $note, $sources, $kind, $scope, $signed, $adopted, $inForce, $ended, $atopid, $obligations
// returns: nothing
MERGE (n:Agreement {id: $id})
SET n.name = $name, n.aliases = $aliases, n.note = $note, n.sources = $sources,
    n.kind = $kind, n.scope = $scope, n.signed = $signed, n.adopted = $adopted,
    n.inForce = $inForce, n.ended = $ended, n.atopid = $atopid, n.obligations = $obligations
