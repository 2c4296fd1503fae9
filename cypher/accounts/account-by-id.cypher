// One account by id.
// params: $id
// returns: id, username, role, source, disabled, passwordHash, subject, createdAt
MATCH (u:Account {id: $id})
RETURN u.id AS id, u.username AS username, u.role AS role, u.source AS source, u.disabled AS disabled, u.passwordHash AS passwordHash, u.subject AS subject, u.createdAt AS createdAt
