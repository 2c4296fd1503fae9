// Revokes one token.
// params: $id
// returns: id
MATCH (t:ApiToken {id: $id})
SET t.revoked = true
RETURN t.id AS id
