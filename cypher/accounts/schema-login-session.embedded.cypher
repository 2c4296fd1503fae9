// Sign-in sessions, keyed by the hash of the cookie's secret.
// params: none
// returns: nothing
CREATE NODE TABLE IF NOT EXISTS LoginSession(
  id STRING PRIMARY KEY, userId STRING, csrfToken STRING, createdAt STRING, expiresAt STRING
)
