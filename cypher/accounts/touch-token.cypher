// Records when a token was last used.
// params: $id, $at
// returns: nothing
MATCH (t:ApiToken {id: $id})
SET t.lastUsedAt = $at
