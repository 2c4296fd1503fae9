// Saved views in the briefings database, apart from the graph; state is the view as JSON.
// params: none
// returns: nothing
CREATE NODE TABLE IF NOT EXISTS SavedView(
  id STRING PRIMARY KEY, shortId STRING, ownerId STRING, ownerName STRING, name STRING,
  nameKey STRING, visibility STRING, state STRING, createdAt STRING, updatedAt STRING
)
