// Replaces a saved view's name, visibility and state (the caller sends all of them).
// params: $id, $name, $nameKey, $visibility, $state, $updatedAt
// returns: id
MATCH (v:SavedView {id: $id})
SET v.name = $name, v.nameKey = $nameKey, v.visibility = $visibility, v.state = $state,
    v.updatedAt = $updatedAt
RETURN v.id AS id
