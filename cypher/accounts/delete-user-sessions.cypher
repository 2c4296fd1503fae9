// Ends every session of one user.
// params: $userId
// returns: nothing
MATCH (s:LoginSession {userId: $userId})
DELETE s
