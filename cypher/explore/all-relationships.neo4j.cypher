// Every relationship between nodes with domain ids, with its endpoint ids and properties:
// whole-history exports (GET /api/export?span=all).
// params: none
// returns: source, target, type, id, since, until, precision, role, signed, systems, note, sources, layer, obligations
MATCH (a)-[r]->(b)
WHERE a.id IS NOT NULL AND b.id IS NOT NULL
RETURN a.id AS source, b.id AS target, type(r) AS type, r.id AS id,
       r.since AS since, r.until AS until, r.precision AS precision, r.role AS role, r.signed AS signed,
       r.systems AS systems, r.note AS note, r.sources AS sources,
       r.layer AS layer, r.obligations AS obligations
