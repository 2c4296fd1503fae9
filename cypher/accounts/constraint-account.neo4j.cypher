// Unique ids for Account nodes.
// params: none
// returns: nothing
CREATE CONSTRAINT entente_account_id IF NOT EXISTS FOR (n:Account) REQUIRE n.id IS UNIQUE
