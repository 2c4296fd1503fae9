// Node table for treaties, agreements and resolutions.
// params: none
// returns: nothing
CREATE NODE TABLE IF NOT EXISTS Agreement(
  id STRING PRIMARY KEY, name STRING, aliases STRING[], note STRING, sources STRING,
  kind STRING, scope STRING, signed STRING, adopted STRING, inForce STRING, ended STRING,
  atopid INT64, obligations STRING
)
