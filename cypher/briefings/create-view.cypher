// Creates one saved view.
// params: $id, $shortId, $ownerId, $ownerName, $name, $nameKey, $visibility, $state, $createdAt, $updatedAt
// returns: nothing
CREATE (:SavedView {id: $id, shortId: $shortId, ownerId: $ownerId, ownerName: $ownerName,
  name: $name, nameKey: $nameKey, visibility: $visibility, state: $state,
  createdAt: $createdAt, updatedAt: $updatedAt})
