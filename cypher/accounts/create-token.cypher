// Creates one personal API token (its hash, never the secret).
// params: $id, $tokenHash, $name, $userId, $role, $createdAt, $expiresAt
// returns: nothing
CREATE (:ApiToken {id: $id, tokenHash: $tokenHash, name: $name, userId: $userId, role: $role,
  createdAt: $createdAt, expiresAt: $expiresAt, lastUsedAt: '', revoked: false})
