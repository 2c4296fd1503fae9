// Creates or updates one Contractor by id.
// params: $id, $name, $aliases, $note, $sources, $founded, $dissolved, $armsRevenueUsdM, $armsRevenueYear, $sipriRank
// returns: nothing
MERGE (n:Contractor {id: $id})
SET n.name = $name, n.aliases = $aliases, n.note = $note, n.sources = $sources,
    n.founded = $founded, n.dissolved = $dissolved, n.armsRevenueUsdM = $armsRevenueUsdM,
    n.armsRevenueYear = $armsRevenueYear, n.sipriRank = $sipriRank
