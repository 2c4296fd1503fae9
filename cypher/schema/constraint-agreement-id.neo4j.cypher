// Uniqueness of the domain id of Agreement nodes; also the index behind every lookup by id.
// params: none
// returns: nothing
CREATE CONSTRAINT agreement_id IF NOT EXISTS
FOR (n:Agreement) REQUIRE n.id IS UNIQUE
