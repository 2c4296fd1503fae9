// Unique ids for Deck nodes.
// params: none
// returns: nothing
CREATE CONSTRAINT entente_deck_id IF NOT EXISTS FOR (n:Deck) REQUIRE n.id IS UNIQUE
