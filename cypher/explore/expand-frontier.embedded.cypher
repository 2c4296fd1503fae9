// Relationships of the given types that hold on $asOf and touch any node in $ids, with both
// endpoint ids and the node at the far end. A relationship between two frontier nodes comes
// back twice; the caller de-duplicates by id.
// params: $ids, $rels, $asOf
// returns: source, target, rel, other
MATCH (a)-[r]->(b)
WHERE a.id IN $ids AND label(r) IN $rels
  AND r.since <= $asOf AND (r.until IS NULL OR $asOf < r.until)
RETURN a.id AS source, b.id AS target, r AS rel, b AS other
UNION ALL
MATCH (a)-[r]->(b)
WHERE b.id IN $ids AND label(r) IN $rels
  AND r.since <= $asOf AND (r.until IS NULL OR $asOf < r.until)
RETURN a.id AS source, b.id AS target, r AS rel, a AS other
