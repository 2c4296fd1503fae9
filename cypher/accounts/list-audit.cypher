// Audit entries newest first; an empty filter string matches everything.
// params: $action, $user, $outcome, $from, $to, $limit
// returns: id, at, action, outcome, userId, username, requestId, client, details
MATCH (e:AuditEntry)
WHERE ($action = '' OR e.action = $action)
  AND ($user = '' OR e.username = $user OR e.userId = $user)
  AND ($outcome = '' OR e.outcome = $outcome)
  AND ($from = '' OR e.at >= $from)
  AND ($to = '' OR e.at < $to)
RETURN e.id AS id, e.at AS at, e.action AS action, e.outcome AS outcome, e.userId AS userId,
       e.username AS username, e.requestId AS requestId, e.client AS client, e.details AS details
ORDER BY at DESC, id DESC
LIMIT $limit
