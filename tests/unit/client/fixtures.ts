import type { GraphEdge, GraphNode } from '../../../server/contract/index.js';

const src = [{ title: 'Test source', url: 'https://example.org/' }];

export function nation(iso: string, props: GraphNode['properties'] = {}): GraphNode {
  return {
    id: `nation:${iso}`,
    label: 'Nation',
    name: iso,
    properties: { region: 'Europe', ...props },
    sources: src,
  };
}

export function alliance(slug: string, props: GraphNode['properties'] = {}): GraphNode {
  return {
    id: `alliance:${slug}`,
    label: 'Alliance',
    name: slug.toUpperCase(),
    properties: { kind: 'collective-defence', ...props },
    sources: src,
  };
}

export function member(
  iso: string,
  slug: string,
  since: string,
  until: string | null = null,
): GraphEdge {
  return {
    id: `member_of:nation:${iso}>alliance:${slug}@${since}`,
    type: 'MEMBER_OF',
    source: `nation:${iso}`,
    target: `alliance:${slug}`,
    properties: { since, until, role: 'member' },
    sources: src,
  };
}
