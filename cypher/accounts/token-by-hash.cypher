// The token whose secret hashes to $tokenHash.
// params: $tokenHash
// returns: id, tokenHash, name, userId, role, createdAt, expiresAt, lastUsedAt, revoked
MATCH (t:ApiToken {tokenHash: $tokenHash})
RETURN t.id AS id, t.tokenHash AS tokenHash, t.name AS name, t.userId AS userId, t.role AS role, t.createdAt AS createdAt, t.expiresAt AS expiresAt, t.lastUsedAt AS lastUsedAt, t.revoked AS revoked
