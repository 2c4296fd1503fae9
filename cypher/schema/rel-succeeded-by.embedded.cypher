// Relationship table SUCCEEDED_BY.
// params: none
// returns: nothing
CREATE REL TABLE IF NOT EXISTS SUCCEEDED_BY(
  FROM Nation TO Nation, FROM Alliance TO Alliance, FROM Contractor TO Contractor,
  id STRING, since STRING, until STRING, precision STRING, note STRING, sources STRING
)
