// Replaces a deck's name, visibility and body (the caller sends all of them).
// params: $id, $name, $nameKey, $visibility, $body, $updatedAt
// returns: id
MATCH (d:Deck {id: $id})
SET d.name = $name, d.nameKey = $nameKey, d.visibility = $visibility, d.body = $body,
    d.updatedAt = $updatedAt
RETURN d.id AS id
