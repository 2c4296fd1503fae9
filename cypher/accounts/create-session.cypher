// Creates one sign-in session.
// params: $id, $userId, $csrfToken, $createdAt, $expiresAt
// returns: nothing
CREATE (:LoginSession {id: $id, userId: $userId, csrfToken: $csrfToken, createdAt: $createdAt, expiresAt: $expiresAt})
