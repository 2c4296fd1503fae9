// Relationship table HEADQUARTERED_IN.
// params: none
// returns: nothing
CREATE REL TABLE IF NOT EXISTS HEADQUARTERED_IN(
  FROM Contractor TO Nation, FROM Alliance TO Nation,
  id STRING, since STRING, until STRING, precision STRING, note STRING, sources STRING
)
