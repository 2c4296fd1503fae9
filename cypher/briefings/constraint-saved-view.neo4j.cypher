// Unique ids for SavedView nodes.
// params: none
// returns: nothing
CREATE CONSTRAINT entente_saved_view_id IF NOT EXISTS FOR (n:SavedView) REQUIRE n.id IS UNIQUE
