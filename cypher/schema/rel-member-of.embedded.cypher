// Relationship table MEMBER_OF.
// params: none
// returns: nothing
CREATE REL TABLE IF NOT EXISTS MEMBER_OF(
  FROM Nation TO Alliance,
  id STRING, since STRING, until STRING, precision STRING, note STRING, sources STRING, role STRING, layer STRING, obligations STRING
)
