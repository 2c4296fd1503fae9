// Relationship table SUPPLIES.
// params: none
// returns: nothing
CREATE REL TABLE IF NOT EXISTS SUPPLIES(
  FROM Contractor TO Nation,
  id STRING, since STRING, until STRING, precision STRING, note STRING, sources STRING, systems STRING[]
)
