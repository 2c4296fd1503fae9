// Node table for alliances, security organisations and their organs.
// params: none
// returns: nothing
CREATE NODE TABLE IF NOT EXISTS Alliance(
  id STRING PRIMARY KEY, name STRING, aliases STRING[], note STRING, sources STRING,
  kind STRING, founded STRING, dissolved STRING,
  atopid INT64, obligations STRING, layer STRING, names STRING
)
