// Deletes one saved view.
// params: $id
// returns: nothing
MATCH (v:SavedView {id: $id})
DELETE v
