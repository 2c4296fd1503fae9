// One account per username.
// params: none
// returns: nothing
CREATE CONSTRAINT entente_account_username IF NOT EXISTS FOR (n:Account) REQUIRE n.username IS UNIQUE
