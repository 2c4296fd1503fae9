// Relationship table SUCCEEDED_BY.
// params: none
// returns: nothing
CREATE REL TABLE IF NOT EXISTS SUCCEEDED_BY(
  FROM Nation TO Nation, FROM Alliance TO Alliance,
  id STRING, since STRING, until STRING, note STRING, sources STRING
)
