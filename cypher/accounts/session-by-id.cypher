// One session by the hash of its secret.
// params: $id
// returns: id, userId, csrfToken, createdAt, expiresAt
MATCH (s:LoginSession {id: $id})
RETURN s.id AS id, s.userId AS userId, s.csrfToken AS csrfToken, s.createdAt AS createdAt, s.expiresAt AS expiresAt
