// Relationship table PARTY_TO.
// params: none
// returns: nothing
CREATE REL TABLE IF NOT EXISTS PARTY_TO(
  FROM Nation TO Agreement,
  id STRING, since STRING, until STRING, precision STRING, note STRING, sources STRING, role STRING, signed STRING
)
