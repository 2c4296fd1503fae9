// Every token, newest first.
// params: none
// returns: id, tokenHash, name, userId, role, createdAt, expiresAt, lastUsedAt, revoked
MATCH (t:ApiToken)
RETURN t.id AS id, t.tokenHash AS tokenHash, t.name AS name, t.userId AS userId, t.role AS role, t.createdAt AS createdAt, t.expiresAt AS expiresAt, t.lastUsedAt AS lastUsedAt, t.revoked AS revoked
ORDER BY createdAt DESC
