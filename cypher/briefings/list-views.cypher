// Saved views a user may read, newest first: their own and, with scope 'all', shared ones;
// $q (lower case, '' for all) must occur in the name.
// params: $userId, $scope, $q, $limit
// returns: id, shortId, ownerId, ownerName, name, visibility, state, createdAt, updatedAt
MATCH (v:SavedView)
WHERE (v.ownerId = $userId OR ($scope = 'all' AND v.visibility = 'shared'))
  AND ($q = '' OR v.nameKey CONTAINS $q)
RETURN v.id AS id, v.shortId AS shortId, v.ownerId AS ownerId, v.ownerName AS ownerName,
       v.name AS name, v.visibility AS visibility, v.state AS state, v.createdAt AS createdAt,
       v.updatedAt AS updatedAt
ORDER BY updatedAt DESC, id
LIMIT $limit
