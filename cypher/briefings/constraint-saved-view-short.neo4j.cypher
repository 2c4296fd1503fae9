// Unique short link ids for SavedView nodes.
// params: none
// returns: nothing
CREATE CONSTRAINT entente_saved_view_short IF NOT EXISTS FOR (n:SavedView) REQUIRE n.shortId IS UNIQUE
