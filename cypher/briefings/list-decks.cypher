// Decks a user may read, newest first: their own and, with scope 'all', shared ones;
// $q (lower case, '' for all) must occur in the name.
// params: $userId, $scope, $q, $limit
// returns: id, ownerId, ownerName, name, visibility, body, createdAt, updatedAt
MATCH (d:Deck)
WHERE (d.ownerId = $userId OR ($scope = 'all' AND d.visibility = 'shared'))
  AND ($q = '' OR d.nameKey CONTAINS $q)
RETURN d.id AS id, d.ownerId AS ownerId, d.ownerName AS ownerName, d.name AS name,
       d.visibility AS visibility, d.body AS body, d.createdAt AS createdAt,
       d.updatedAt AS updatedAt
ORDER BY updatedAt DESC, id
LIMIT $limit
