// Appends one audit entry; entries are never changed or deleted by the server.
// params: $id, $at, $action, $outcome, $userId, $username, $requestId, $client, $details
// returns: nothing
CREATE (:AuditEntry {id: $id, at: $at, action: $action, outcome: $outcome, userId: $userId,
  username: $username, requestId: $requestId, client: $client, details: $details})
