// Relationship table ESTABLISHES.
// params: none
// returns: nothing
CREATE REL TABLE IF NOT EXISTS ESTABLISHES(
  FROM Agreement TO Alliance,
  id STRING, since STRING, until STRING, precision STRING, note STRING, sources STRING
)
