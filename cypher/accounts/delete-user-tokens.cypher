// Deletes every token of one user.
// params: $userId
// returns: nothing
MATCH (t:ApiToken {userId: $userId})
DELETE t
