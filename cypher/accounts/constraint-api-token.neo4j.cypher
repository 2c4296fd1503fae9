// Unique ids for ApiToken nodes.
// params: none
// returns: nothing
CREATE CONSTRAINT entente_api_token_id IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.id IS UNIQUE
