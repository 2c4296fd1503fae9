// Creates one account.
// params: $id, $username, $role, $source, $disabled, $passwordHash, $subject, $createdAt
// returns: nothing
CREATE (:Account {id: $id, username: $username, role: $role, source: $source, disabled: $disabled,
  passwordHash: $passwordHash, subject: $subject, createdAt: $createdAt})
