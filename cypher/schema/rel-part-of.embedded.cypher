// Relationship table PART_OF.
// params: none
// returns: nothing
CREATE REL TABLE IF NOT EXISTS PART_OF(
  FROM Alliance TO Alliance,
  id STRING, since STRING, until STRING, note STRING, sources STRING
)
