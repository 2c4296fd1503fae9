// Deletes one account (its sessions and tokens go in their own statements).
// params: $id
// returns: nothing
MATCH (u:Account {id: $id})
DELETE u
