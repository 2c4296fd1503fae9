// Creates one deck.
// params: $id, $ownerId, $ownerName, $name, $nameKey, $visibility, $body, $createdAt, $updatedAt
// returns: nothing
CREATE (:Deck {id: $id, ownerId: $ownerId, ownerName: $ownerName, name: $name,
  nameKey: $nameKey, visibility: $visibility, body: $body, createdAt: $createdAt,
  updatedAt: $updatedAt})
