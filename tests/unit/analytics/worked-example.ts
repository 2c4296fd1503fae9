import type { GraphEdge, GraphNode } from '../../../server/contract/graph.js';
import { type AnalyticsData, analyticsData } from '../../../server/domain/analytics/data.js';

/**
 * The worked example of docs/analytics.md: three states on 2000-01-01. A and B are bound by a
 * defence pact (level 3), B and C by a consultation agreement (level 1). Military spending:
 * A 60, B 30, C 10.
 */
export const A = 'nation:AAA';
export const B = 'nation:BBB';
export const C = 'nation:CCC';
export const ON = '2000-01-01';

const source = { title: 'Worked example', url: 'https://example.org/worked-example' };
const obligations = (type: string, article: string) =>
  JSON.stringify({ provisions: [{ type, article, conditions: [] }], source });

function nation(id: string, name: string, milex: number): GraphNode {
  return {
    id,
    label: 'Nation',
    name,
    properties: { since: '1990-01-01', milexUsdM: milex, milexYear: 2000 },
  };
}

function spell(type: 'MEMBER_OF' | 'PARTY_TO', from: string, to: string): GraphEdge {
  return {
    id: `${type}:${from}>${to}`,
    type,
    source: from,
    target: to,
    properties: {
      since: '1995-01-01',
      until: null,
      role: type === 'MEMBER_OF' ? 'member' : 'party',
    },
  };
}

export const NODES: GraphNode[] = [
  nation(A, 'Aland', 60),
  nation(B, 'Borduria', 30),
  nation(C, 'Carpania', 10),
  {
    id: 'alliance:pact',
    label: 'Alliance',
    name: 'The Pact',
    properties: { obligations: obligations('defence', 'Art. 1') },
  },
  {
    id: 'agreement:talks',
    label: 'Agreement',
    name: 'The Talks',
    properties: { obligations: obligations('consultation', 'Art. 2') },
  },
];

export const EDGES: GraphEdge[] = [
  spell('MEMBER_OF', A, 'alliance:pact'),
  spell('MEMBER_OF', B, 'alliance:pact'),
  spell('PARTY_TO', B, 'agreement:talks'),
  spell('PARTY_TO', C, 'agreement:talks'),
];

export function example(): AnalyticsData {
  return analyticsData(NODES, EDGES, 'curated');
}
