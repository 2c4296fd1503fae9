// One saved view by its short link id.
// params: $shortId
// returns: id, shortId, ownerId, ownerName, name, visibility, state, createdAt, updatedAt
MATCH (v:SavedView {shortId: $shortId})
RETURN v.id AS id, v.shortId AS shortId, v.ownerId AS ownerId, v.ownerName AS ownerName,
       v.name AS name, v.visibility AS visibility, v.state AS state, v.createdAt AS createdAt,
       v.updatedAt AS updatedAt
