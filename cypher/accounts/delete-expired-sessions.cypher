// Forgets sessions that have expired.
// params: $now
// returns: nothing
MATCH (s:LoginSession)
WHERE s.expiresAt <= $now
DELETE s
