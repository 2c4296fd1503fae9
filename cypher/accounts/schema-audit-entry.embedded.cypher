// The append-only audit trail.
// params: none
// returns: nothing
CREATE NODE TABLE IF NOT EXISTS AuditEntry(
  id STRING PRIMARY KEY, at STRING, action STRING, outcome STRING, userId STRING,
  username STRING, requestId STRING, client STRING, details STRING
)
