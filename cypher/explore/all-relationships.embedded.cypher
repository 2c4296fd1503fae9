// Every relationship with its endpoint ids and properties: the embedded adapter's topology
// index, loaded once per import (see docs/architecture.md).
// params: none
// returns: source, target, type, id, since, until, precision, role, signed, systems, note, sources, layer, obligations
MATCH (a)-[r]->(b)
RETURN a.id AS source, b.id AS target, label(r) AS type, r.id AS id,
       r.since AS since, r.until AS until, r.precision AS precision, r.role AS role, r.signed AS signed,
       r.systems AS systems, r.note AS note, r.sources AS sources,
       r.layer AS layer, r.obligations AS obligations
