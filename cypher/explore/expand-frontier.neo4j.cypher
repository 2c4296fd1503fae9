// Every relationship of the types in $rels holding on $asOf that touches a frontier node of one
// label, with the node at its far end: one hop of a breadth-first search (store/traversal.ts).
// {{label}} is spliced from the model's label table, so the id lookup uses its constraint.
// params: $ids, $rels, $asOf, $layer
// returns: from, other, id, type, source, target, since, until, precision, role, signed, systems, note, sources, layer, obligations
MATCH (a:{{label}})-[r]-(b)
WHERE a.id IN $ids AND type(r) IN $rels
  AND r.since <= $asOf AND (r.until IS NULL OR $asOf < r.until)
  AND ($layer = 'all' OR coalesce(r.layer, 'curated') = $layer)
RETURN a.id AS from, b AS other, r.id AS id, type(r) AS type,
       startNode(r).id AS source, endNode(r).id AS target,
       r.since AS since, r.until AS until, r.precision AS precision, r.role AS role, r.signed AS signed,
       r.systems AS systems, r.note AS note, r.sources AS sources,
       r.layer AS layer, r.obligations AS obligations
