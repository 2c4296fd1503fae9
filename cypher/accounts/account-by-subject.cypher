// The account an OpenID Connect subject signed in as before.
// params: $subject
// returns: id, username, role, source, disabled, passwordHash, subject, createdAt
MATCH (u:Account {subject: $subject})
RETURN u.id AS id, u.username AS username, u.role AS role, u.source AS source, u.disabled AS disabled, u.passwordHash AS passwordHash, u.subject AS subject, u.createdAt AS createdAt
