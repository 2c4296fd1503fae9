// Creates or updates one Nation by id.
// params: $id, $name, $aliases, $note, $sources, $iso2, $iso3, $cow, $region, $subregion, $capital, $lat, $lon, $since, $sinceBasis, $until, $milexUsdM, $milexYear, $regime, $regimeYear, $layer
// returns: nothing
MERGE (n:Nation {id: $id})
SET n.name = $name, n.aliases = $aliases, n.note = $note, n.sources = $sources,
    n.iso2 = $iso2, n.iso3 = $iso3, n.cow = $cow, n.region = $region, n.subregion = $subregion,
    n.capital = $capital, n.lat = $lat, n.lon = $lon, n.since = $since, n.sinceBasis = $sinceBasis, n.until = $until,
    n.milexUsdM = $milexUsdM, n.milexYear = $milexYear, n.regime = $regime, n.regimeYear = $regimeYear, n.layer = $layer
