// Relationship table PART_OF.
// params: none
// returns: nothing
CREATE REL TABLE IF NOT EXISTS PART_OF(
  FROM Alliance TO Alliance, FROM Nation TO Nation,
  id STRING, since STRING, until STRING, precision STRING, note STRING, sources STRING
)
