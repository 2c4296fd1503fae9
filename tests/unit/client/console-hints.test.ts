import { describe, expect, it } from 'vitest';
import { consoleHint } from '../../../client/state/console-hints.js';

describe('console hints', () => {
  it('point a Neo4j shortestPath() at the LadybugDB form', () => {
    const q = 'MATCH p = shortestPath((a:Nation)-[*]-(b:Nation)) RETURN p';
    expect(consoleHint(q, 'QUERY_SYNTAX')).toContain('SHORTEST 1..6');
    expect(
      consoleHint('MATCH p = allShortestPaths((a)-[*]-(b)) RETURN p', 'QUERY_FAILED'),
    ).toContain('SHORTEST');
  });

  it('stay quiet for other errors and other queries', () => {
    expect(consoleHint('MATCH p = shortestPath((a)-[*]-(b)) RETURN p', 'QUERY_TIMEOUT')).toBeNull();
    expect(consoleHint('MATCH (n) RETURN n', 'QUERY_SYNTAX')).toBeNull();
  });
});
