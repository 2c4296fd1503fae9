// Accounts (local or OIDC users) in the accounts database, never in the graph.
// params: none
// returns: nothing
CREATE NODE TABLE IF NOT EXISTS Account(
  id STRING PRIMARY KEY, username STRING, role STRING, source STRING, disabled BOOLEAN,
  passwordHash STRING, subject STRING, createdAt STRING
)
