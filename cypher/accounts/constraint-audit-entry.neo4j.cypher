// Unique ids for AuditEntry nodes.
// params: none
// returns: nothing
CREATE CONSTRAINT entente_audit_entry_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE
