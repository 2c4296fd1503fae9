// Relationships of the given types that hold on $asOf and touch any node in $ids, as scalars:
// endpoint ids, whether the frontier node is the source (outward), type and properties.
// A relationship between two frontier nodes comes back once per side; the caller keeps one.
// Each branch returns distinct expressions: LadybugDB mixes up UNION columns that repeat one.
// params: $ids, $rels, $asOf
// returns: source, target, outward, type, id, since, until, role, signed, systems, note, sources
MATCH (a)-[r]->(b)
WHERE a.id IN $ids AND label(r) IN $rels
  AND r.since <= $asOf AND (r.until IS NULL OR $asOf < r.until)
RETURN a.id AS source, b.id AS target, true AS outward, label(r) AS type, r.id AS id,
       r.since AS since, r.until AS until, r.role AS role, r.signed AS signed,
       r.systems AS systems, r.note AS note, r.sources AS sources
UNION ALL
MATCH (a)-[r]->(b)
WHERE b.id IN $ids AND label(r) IN $rels
  AND r.since <= $asOf AND (r.until IS NULL OR $asOf < r.until)
RETURN a.id AS source, b.id AS target, false AS outward, label(r) AS type, r.id AS id,
       r.since AS since, r.until AS until, r.role AS role, r.signed AS signed,
       r.systems AS systems, r.note AS note, r.sources AS sources
