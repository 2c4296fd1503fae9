// Ends one session.
// params: $id
// returns: nothing
MATCH (s:LoginSession {id: $id})
DELETE s
