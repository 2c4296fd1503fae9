// Uniqueness of the domain id of Nation nodes; also the index behind every lookup by id.
// params: none
// returns: nothing
CREATE CONSTRAINT nation_id IF NOT EXISTS
FOR (n:Nation) REQUIRE n.id IS UNIQUE
