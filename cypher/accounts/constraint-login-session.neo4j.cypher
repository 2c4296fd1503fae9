// Unique ids for LoginSession nodes.
// params: none
// returns: nothing
CREATE CONSTRAINT entente_login_session_id IF NOT EXISTS FOR (n:LoginSession) REQUIRE n.id IS UNIQUE
