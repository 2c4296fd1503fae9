// Creates or updates one Contractor by id, with the folded search text the full-text index holds.
// params: $id, $name, $aliases, $note, $sources, $founded, $dissolved, $armsRevenueUsdM, $armsRevenueYear, $sipriRank, $searchText
// returns: nothing
MERGE (n:Contractor {id: $id})
SET n.name = $name, n.aliases = $aliases, n.note = $note, n.sources = $sources,
    n.founded = $founded, n.dissolved = $dissolved, n.armsRevenueUsdM = $armsRevenueUsdM,
    n.armsRevenueYear = $armsRevenueYear, n.sipriRank = $sipriRank, n.searchText = $searchText
