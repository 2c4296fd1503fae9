// Sets an account's role, password hash and disabled flag (the caller sends all three).
// params: $id, $role, $passwordHash, $disabled
// returns: id
MATCH (u:Account {id: $id})
SET u.role = $role, u.passwordHash = $passwordHash, u.disabled = $disabled
RETURN u.id AS id
