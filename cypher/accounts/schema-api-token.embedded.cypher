// Personal API tokens, keyed by id; the secret is kept as its hash only.
// params: none
// returns: nothing
CREATE NODE TABLE IF NOT EXISTS ApiToken(
  id STRING PRIMARY KEY, tokenHash STRING, name STRING, userId STRING, role STRING,
  createdAt STRING, expiresAt STRING, lastUsedAt STRING, revoked BOOLEAN
)
