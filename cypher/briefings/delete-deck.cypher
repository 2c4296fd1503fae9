// Deletes one deck.
// params: $id
// returns: nothing
MATCH (d:Deck {id: $id})
DELETE d
