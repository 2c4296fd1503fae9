// Node table for nations (current and historical states).
// params: none
// returns: nothing
CREATE NODE TABLE IF NOT EXISTS Nation(
  id STRING PRIMARY KEY, name STRING, aliases STRING[], note STRING, sources STRING,
  iso2 STRING, iso3 STRING, cow INT64, region STRING, subregion STRING, capital STRING,
  lat DOUBLE, lon DOUBLE, since STRING, sinceBasis STRING, until STRING,
  milexUsdM DOUBLE, milexYear INT64, regime STRING, regimeYear INT64, layer STRING
)
