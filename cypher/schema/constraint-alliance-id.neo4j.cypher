// Uniqueness of the domain id of Alliance nodes; also the index behind every lookup by id.
// params: none
// returns: nothing
CREATE CONSTRAINT alliance_id IF NOT EXISTS
FOR (n:Alliance) REQUIRE n.id IS UNIQUE
