// Decks in the briefings database; body is the banner, aspect, theme, logo and slides as JSON.
// params: none
// returns: nothing
CREATE NODE TABLE IF NOT EXISTS Deck(
  id STRING PRIMARY KEY, ownerId STRING, ownerName STRING, name STRING, nameKey STRING,
  visibility STRING, body STRING, createdAt STRING, updatedAt STRING
)
