import { z } from 'zod';
import {
  LAYERS,
  MemberSchema,
  NationMembershipSchema,
  NationPartySchema,
} from '../contract/api.js';
import { NODE_SCHEMAS, REL_SCHEMAS } from '../contract/model.js';
import { IsoDateSchema, type NodeLabel, REL_TYPES, type RelType } from '../contract/primitives.js';
import { bulkRow, bulkText, columnsOf } from './bulk.js';
import { type CypherFiles, renderTemplate } from './cypher-files.js';
import type { Backend } from './graph-store.js';

/** Placeholders a query file may have (`{{label}}`, `{{from}}`, `{{to}}`), filled from the model's tables. */
export type Slot = 'label' | 'from' | 'to';
export type Slots = Partial<Record<Slot, string>>;

/**
 * A query as data: the file under cypher/ (a backend runs `file.<backend>.cypher` when it
 * exists, else `file.cypher`), the zod schemas of its parameters and of each row it returns,
 * and whether it reads or writes. Adapters execute descriptors through one runner each
 * (embedded/lbug-runner.ts, neo4j/neo4j-runner.ts), which parses parameters before sending
 * them and every row before returning it. tests/unit/queries.test.ts checks each file's
 * header (`// params:`, `// returns:`) against these schemas.
 */
export interface QueryDescriptor<
  P extends z.ZodObject = z.ZodObject,
  R extends z.ZodType = z.ZodType,
> {
  file: string;
  params: P;
  row: R;
  mode: 'READ' | 'WRITE';
  /** Placeholders the file has; the runner refuses to run it without them. */
  slots?: readonly Slot[];
  /** For upserts: the table written (a node label or relationship type) and its kind. */
  table?: { name: string; kind: 'node' | 'rel' };
  /** Run as one `UNWIND $rows` statement over many records (see bulk.ts). */
  bulk?: boolean;
}

export type Params<Q extends QueryDescriptor> = z.input<Q['params']>;
export type RowOf<Q extends QueryDescriptor> = z.output<Q['row']>;

/** Executes a descriptor: what each adapter's runner offers the shared reads. */
export type RunQuery = <Q extends QueryDescriptor>(
  query: Q,
  params: Params<Q>,
  slots?: Slots,
) => Promise<RowOf<Q>[]>;

const define = <P extends z.ZodObject, R extends z.ZodType>(q: QueryDescriptor<P, R>) => q;

const none = z.object({});
/** A backend count: LadybugDB gives bigint or number, Neo4j an Integer the runner made a number. */
const count = z.union([z.number(), z.bigint()]).transform(Number);
const text = z.string().nullable();
const layer = z.enum(LAYERS);
const onDate = z.object({ id: z.string(), asOf: IsoDateSchema, layer });

/** Columns of a relationship row, as store/dto.ts `edgeDto` reads them. */
const edgeColumns = {
  id: z.string(),
  type: z.enum(REL_TYPES),
  source: z.string(),
  target: z.string(),
  since: z.string(),
  until: text,
  precision: text,
  role: text,
  signed: text,
  systems: z.array(z.string()).nullable(),
  note: text,
  sources: text,
  layer: text,
  obligations: text,
};

/** What search ranks: a node's id, name, aliases and layer. */
const searchRow = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()).nullable(),
  layer: z.string().nullable(),
});

/** Node values stay backend objects here; each adapter's mappers turn them into DTOs. */
const backendNode = z.custom<unknown>((v) => typeof v === 'object' && v !== null);

export const queries = {
  getNodes: define({
    file: 'explore/get-nodes',
    params: z.object({ ids: z.array(z.string()) }),
    row: z.object({ node: backendNode }),
    mode: 'READ',
    slots: ['label'],
  }),
  /** Every relationship: the embedded topology index, and whole-history exports. */
  allRelationships: define({
    file: 'explore/all-relationships',
    params: none,
    row: z.object(edgeColumns),
    mode: 'READ',
  }),
  /** Neo4j only: one hop of a breadth-first search from frontier nodes of one label. */
  expandFrontier: define({
    file: 'explore/expand-frontier',
    params: z.object({
      ids: z.array(z.string()),
      rels: z.array(z.enum(REL_TYPES)),
      asOf: IsoDateSchema,
      layer,
    }),
    row: z.object({ from: z.string(), other: backendNode, ...edgeColumns }),
    mode: 'READ',
    slots: ['label'],
  }),
  allianceMembers: define({
    file: 'explore/alliance-members',
    params: onDate,
    row: MemberSchema,
    mode: 'READ',
  }),
  nationAlliances: define({
    file: 'explore/nation-alliances',
    params: onDate,
    row: NationMembershipSchema,
    mode: 'READ',
  }),
  /** Agreements are curated facts only: the ATOP layer has none. */
  nationAgreements: define({
    file: 'explore/nation-agreements',
    params: onDate.omit({ layer: true }),
    row: NationPartySchema,
    mode: 'READ',
  }),
  searchCandidates: define({
    file: 'explore/search-candidates',
    params: none,
    row: searchRow,
    mode: 'READ',
  }),
  /** Neo4j only: candidates from the full-text index. */
  searchFulltext: define({
    file: 'explore/search-fulltext',
    params: z.object({ query: z.string() }),
    row: searchRow,
    mode: 'READ',
  }),
  labelCounts: define({
    file: 'stats/label-counts',
    params: z.object({ layer }),
    row: z.object({ label: z.string(), count }),
    mode: 'READ',
  }),
  relCounts: define({
    file: 'stats/rel-counts',
    params: z.object({ layer }),
    row: z.object({ type: z.string(), count }),
    mode: 'READ',
  }),
} as const;

/** Keys of a model schema's object shape (through refinements and defaults). */
function shapeKeys(schema: unknown): string[] {
  let s = schema as { shape?: Record<string, unknown>; def?: { in?: unknown; schema?: unknown } };
  while (!s.shape && s.def) s = (s.def.in ?? s.def.schema) as typeof s;
  return Object.keys(s.shape ?? {});
}

const anyValues = (keys: readonly string[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.unknown()])));

const kebab = (name: string) => name.toLowerCase().replaceAll('_', '-');

/**
 * The upsert of one node label: a parameter for every property of the model (the Neo4j file
 * also stores `searchText`, the folded text its full-text index holds).
 */
export function upsertNode(label: NodeLabel) {
  return define({
    file: `import/upsert-${kebab(label)}`,
    params: anyValues(shapeKeys(NODE_SCHEMAS[label])).extend({ searchText: z.string().nullish() }),
    row: z.never(),
    mode: 'WRITE',
    table: { name: label, kind: 'node' },
  });
}

/** The upsert of one relationship type; it returns the relationship's id, or no row when an endpoint is missing. */
export function upsertRel(type: RelType) {
  return define({
    file: `import/upsert-${kebab(type)}`,
    params: anyValues(shapeKeys(REL_SCHEMAS[type])),
    row: z.object({ id: z.string() }),
    mode: 'WRITE',
    slots: ['from', 'to'],
    table: { name: type, kind: 'rel' },
  });
}

/** An upsert as a bulk statement: `{ rows: [params, ...] }`, one result row per record written. */
export function bulkOf<Q extends QueryDescriptor>(query: Q) {
  return { ...query, params: z.object({ rows: z.array(query.params) }), bulk: true };
}

/** Every descriptor the adapters run, for the header test and start-up checks. */
export function allDescriptors(
  labels: readonly NodeLabel[],
  rels: readonly RelType[],
): QueryDescriptor[] {
  return [...Object.values(queries), ...labels.map(upsertNode), ...rels.map(upsertRel)];
}

/** The parameter names a descriptor declares, required ones first. */
export function paramNames(query: QueryDescriptor): { all: string[]; required: string[] } {
  const shape = query.params.shape as Record<string, z.ZodType>;
  const all = Object.keys(shape);
  return { all, required: all.filter((k) => !shape[k]?.safeParse(undefined).success) };
}

/**
 * The parameters a file declares, from a descriptor's parsed values (a descriptor may name a
 * parameter only the other backend's variant uses); absent ones are sent as null.
 */
export function pickDeclared(
  values: Record<string, unknown>,
  declared: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(declared.map((k) => [k, values[k] ?? null]));
}

/**
 * What a runner sends for a descriptor on one backend: the file's text with its slots filled,
 * and the parameters parsed with the descriptor's schema (zod throws on a misfit).
 */
export function bindQuery<Q extends QueryDescriptor>(
  cypher: CypherFiles,
  backend: Backend,
  query: Q,
  params: Params<Q>,
  slots?: Slots,
): { text: string; values: Record<string, unknown> } {
  const file = cypher.get(query.file, backend);
  const parsed = query.params.parse(params) as Record<string, unknown>;
  if (query.bulk && query.table) {
    const columns = columnsOf(cypher, query.table.name, query.table.kind);
    const rows = (parsed.rows as Array<Record<string, unknown>>).map((r) =>
      bulkRow(pickDeclared(r, file.params), backend, columns),
    );
    return { text: bulkText(renderTemplate(file.text, slots), backend, columns), values: { rows } };
  }
  return { text: renderTemplate(file.text, slots), values: pickDeclared(parsed, file.params) };
}

/** Rows parsed with a descriptor's row schema (each runner's last step). */
export function parseRows<Q extends QueryDescriptor>(
  query: Q,
  rows: readonly unknown[],
): RowOf<Q>[] {
  return rows.map((r) => query.row.parse(r) as RowOf<Q>);
}
