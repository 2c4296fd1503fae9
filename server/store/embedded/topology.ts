import type { GraphEdge } from '../../contract/graph.js';
import type { RelType } from '../../contract/primitives.js';
import { holdsOn } from '../../contract/time.js';

/** One relationship met from a frontier node: the edge, and the node it leads to. */
export interface Step {
  edge: GraphEdge;
  from: string;
  to: string;
}

type Prop = GraphEdge['properties'][string];

/**
 * What many edges have in common beyond their ids, endpoints and dates: the order of their
 * property keys, their other properties and their sources (one synthetic or seed file's
 * relationships share a handful of these).
 */
interface Tail {
  keys: readonly string[];
  rest: Readonly<Record<string, Prop>>;
  sources: GraphEdge['sources'];
}

/** `undefined` in the date columns: the edge has no such property. */
type Column = Array<Prop | undefined>;

/**
 * Every relationship of the graph indexed by endpoint, for traversals. LadybugDB spends about
 * 3 ms on any relationship scan here, whatever its size, so one hop per query made
 * neighbourhoods and paths slow. Built from the database after each import; never written to.
 *
 * Kept compact, since it holds the whole graph: endpoints, types and adjacency in typed arrays
 * over interned node ids, the dates in columns, and the rest (key order, other properties,
 * sources) shared between edges that have the same. Edges are made again as `GraphEdge`s
 * when a traversal returns them, equal to the ones given; objects with one edge per
 * relationship took about 1 kB each at 500,000 relationships.
 */
export class Topology {
  private readonly nodeIds: string[] = [];
  private readonly nodeIndex = new Map<string, number>();
  private readonly typeNames: RelType[] = [];
  private readonly ids: string[] = [];
  private readonly since: Column = [];
  private readonly until: Column = [];
  private readonly tails: Tail[] = [];
  private readonly source: Int32Array;
  private readonly target: Int32Array;
  private readonly type: Uint16Array;
  private readonly tail: Int32Array;
  /** Node n's edges are adjacent[offsets[n] .. offsets[n + 1]), in the order given. */
  private readonly offsets: Int32Array;
  private readonly adjacent: Int32Array;

  /** The topology of these edges. */
  static of(edges: readonly GraphEdge[]): Topology {
    return Topology.from(edges, (e) => e);
  }

  /** The topology of these rows, each made a GraphEdge by `toEdge` only while it is read. */
  static from<R>(rows: readonly R[], toEdge: (row: R) => GraphEdge): Topology {
    return new Topology(rows.length, (i) => toEdge(rows[i] as R));
  }

  private constructor(count: number, edgeAt: (i: number) => GraphEdge) {
    this.source = new Int32Array(count);
    this.target = new Int32Array(count);
    this.type = new Uint16Array(count);
    this.tail = new Int32Array(count);
    const texts = new Map<string, string>();
    const intern = (v: Prop | undefined) => {
      if (typeof v !== 'string') return v;
      const kept = texts.get(v);
      if (kept !== undefined) return kept;
      texts.set(v, v);
      return v;
    };
    const tailIndex = new Map<string, number>();
    const typeIndex = new Map<string, number>();
    for (let e = 0; e < count; e++) {
      const edge = edgeAt(e);
      this.source[e] = this.node(edge.source);
      this.target[e] = this.node(edge.target);
      let t = typeIndex.get(edge.type);
      if (t === undefined) {
        t = this.typeNames.push(edge.type) - 1;
        typeIndex.set(edge.type, t);
      }
      this.type[e] = t;
      this.ids.push(edge.id);
      const { since, until, ...rest } = edge.properties;
      this.since.push(intern(since));
      this.until.push(intern(until));
      const keys = Object.keys(edge.properties);
      const key = JSON.stringify([keys, rest, edge.sources]);
      let k = tailIndex.get(key);
      if (k === undefined) {
        k = this.tails.push({ keys, rest, sources: edge.sources }) - 1;
        tailIndex.set(key, k);
      }
      this.tail[e] = k;
    }
    const nodes = this.nodeIds.length;
    const degree = new Int32Array(nodes);
    for (let e = 0; e < count; e++) {
      const s = this.source[e] as number;
      const t = this.target[e] as number;
      degree[s] = (degree[s] as number) + 1;
      if (t !== s) degree[t] = (degree[t] as number) + 1;
    }
    this.offsets = new Int32Array(nodes + 1);
    for (let i = 0; i < nodes; i++) {
      this.offsets[i + 1] = (this.offsets[i] as number) + (degree[i] as number);
    }
    this.adjacent = new Int32Array(this.offsets[nodes] as number);
    const fill = this.offsets.slice(0, nodes);
    const put = (n: number, e: number) => {
      const at = fill[n] as number;
      this.adjacent[at] = e;
      fill[n] = at + 1;
    };
    for (let e = 0; e < count; e++) {
      const s = this.source[e] as number;
      const t = this.target[e] as number;
      put(s, e);
      if (t !== s) put(t, e);
    }
  }

  /** The index of a node id, interning it. */
  private node(id: string): number {
    let i = this.nodeIndex.get(id);
    if (i === undefined) {
      i = this.nodeIds.push(id) - 1;
      this.nodeIndex.set(id, i);
    }
    return i;
  }

  /** Edge `e` as the GraphEdge it was given as (same keys, same order). */
  private edge(e: number): GraphEdge {
    const { keys, rest, sources } = this.tails[this.tail[e] as number] as Tail;
    const properties: Record<string, Prop> = {};
    for (const key of keys) {
      if (key === 'since') properties.since = this.since[e] as Prop;
      else if (key === 'until') properties.until = this.until[e] as Prop;
      else properties[key] = rest[key] as Prop;
    }
    const edge: GraphEdge = {
      id: this.ids[e] as string,
      type: this.typeNames[this.type[e] as number] as RelType,
      source: this.nodeIds[this.source[e] as number] as string,
      target: this.nodeIds[this.target[e] as number] as string,
      properties,
    };
    if (sources) edge.sources = sources;
    return edge;
  }

  /** Every relationship, whatever its dates. */
  all(): GraphEdge[] {
    return this.ids.map((_, e) => this.edge(e));
  }

  /** Relationships of the given types that hold on `asOf` and touch a frontier node, once per frontier side. */
  expand(ids: readonly string[], asOf: string, rels: ReadonlySet<RelType>): Step[] {
    const steps: Step[] = [];
    const made = new Map<number, GraphEdge>();
    for (const from of ids) {
      const n = this.nodeIndex.get(from);
      if (n === undefined) continue;
      const end = this.offsets[n + 1] as number;
      for (let k = this.offsets[n] as number; k < end; k++) {
        const e = this.adjacent[k] as number;
        if (!rels.has(this.typeNames[this.type[e] as number] as RelType)) continue;
        const since = String(this.since[e]);
        const until = this.until[e] === null ? null : String(this.until[e]);
        if (!holdsOn({ since, until }, asOf)) continue;
        let edge = made.get(e);
        if (!edge) {
          edge = this.edge(e);
          made.set(e, edge);
        }
        const other = this.source[e] === n ? this.target[e] : this.source[e];
        steps.push({ edge, from, to: this.nodeIds[other as number] as string });
      }
    }
    return steps;
  }
}
