// Unique keys for Setting nodes.
// params: none
// returns: nothing
CREATE CONSTRAINT entente_setting_key IF NOT EXISTS FOR (n:Setting) REQUIRE n.key IS UNIQUE
