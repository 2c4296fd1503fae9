// Node table for defence contractors.
// params: none
// returns: nothing
CREATE NODE TABLE IF NOT EXISTS Contractor(
  id STRING PRIMARY KEY, name STRING, aliases STRING[], note STRING, sources STRING,
  founded STRING, dissolved STRING, armsRevenueUsdM DOUBLE, armsRevenueYear INT64, sipriRank INT64
)
