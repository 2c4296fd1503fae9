// Uniqueness of the domain id of Contractor nodes; also the index behind every lookup by id.
// params: none
// returns: nothing
CREATE CONSTRAINT contractor_id IF NOT EXISTS
FOR (n:Contractor) REQUIRE n.id IS UNIQUE
