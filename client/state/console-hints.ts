/**
 * A hint for errors whose cause is a Neo4j habit the embedded backend does not share: the
 * server's parser message alone does not say what to write instead.
 */
export function consoleHint(cypher: string, code: string): string | null {
  if (code !== 'QUERY_SYNTAX' && code !== 'QUERY_FAILED') return null;
  if (/\b(?:shortestPath|allShortestPaths)\s*\(/i.test(cypher)) {
    return (
      'LadybugDB has no shortestPath(): write the pattern with SHORTEST, e.g. ' +
      'MATCH p = (a:Nation {id: $from})-[:MEMBER_OF* SHORTEST 1..6]-(b:Nation {id: $to}) RETURN p'
    );
  }
  return null;
}
