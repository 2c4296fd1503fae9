// Relationship table ADOPTED.
// params: none
// returns: nothing
CREATE REL TABLE IF NOT EXISTS ADOPTED(
  FROM Alliance TO Agreement,
  id STRING, since STRING, until STRING, precision STRING, note STRING, sources STRING
)
