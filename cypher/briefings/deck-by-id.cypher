// One deck by id.
// params: $id
// returns: id, ownerId, ownerName, name, visibility, body, createdAt, updatedAt
MATCH (d:Deck {id: $id})
RETURN d.id AS id, d.ownerId AS ownerId, d.ownerName AS ownerName, d.name AS name,
       d.visibility AS visibility, d.body AS body, d.createdAt AS createdAt,
       d.updatedAt AS updatedAt
