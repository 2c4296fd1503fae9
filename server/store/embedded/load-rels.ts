import { REL_ENDPOINTS, type RelRecord } from '../../contract/model.js';
import type { RelType } from '../../contract/primitives.js';
import { append } from '../../lib/append.js';
import {
  columnsOf,
  copyText,
  createText,
  csvHeader,
  packedCopyText,
  packedCreateText,
  packRows,
} from '../bulk.js';
import type { CypherFiles } from '../cypher-files.js';
import { BULK_BATCH, type BulkBatch, checkEndpoints, upsertParams } from '../import-plan.js';
import type { Spool, SpoolGroup } from '../import-spool.js';
import { bulkOf, upsertRel } from '../queries.js';
import { CopyFile, type CopyQueue, CREATE_BATCH, packAll, type Stage } from './copy-file.js';
import type { LbugRunner } from './lbug-runner.js';
import { field, relName, tableRow } from './load-rows.js';

/**
 * Loads the spool's relationship groups inside the caller's transaction, a type at a time.
 * LadybugDB crashes on a COPY into a table that CREATE wrote to earlier in the transaction, so
 * every group of a type first COPYs its new records (the first occurrence of each id the type
 * did not hold before), and only then does anything else write to the type: the records a
 * row cannot carry are created, and existing ids and repeats go through the upserts, each
 * group's in input order (a second read of the spool, only for a group that has any).
 * `filled` names the tables that held rows before the import.
 */
export async function loadRelGroups(
  writes: LbugRunner,
  cypher: CypherFiles,
  spool: Spool,
  stage: Stage,
  groups: readonly SpoolGroup[],
  filled: ReadonlySet<string>,
  queue: CopyQueue,
): Promise<void> {
  const types = new Set(groups.filter((g) => g.kind === 'rel').map((g) => g.table as RelType));
  for (const type of types) {
    const before = filled.has(type) ? await existingRels(writes, type) : new Set<string>();
    const loaders: RelGroupLoad[] = [];
    for (const group of groups) {
      if (group.kind === 'rel' && group.table === type) {
        loaders.push(await RelGroupLoad.open(writes, cypher, spool, stage, group));
      }
    }
    const copied = new Set<string>();
    for (const load of loaders) await load.stageNew(before, copied);
    // The type's COPYs, then its other writes, run while the next type stages.
    queue.add(async () => {
      for (const load of loaders) await load.copyNew();
      for (const load of loaders) await load.writeRest();
    });
  }
}

/** One relationship group's load: its COPY, then what the COPY left (loadRelGroups). */
class RelGroupLoad {
  /** 1 at the position of each record that is no new id's first occurrence (an upsert). */
  private readonly rest: Uint8Array;
  private anyRest = false;
  /** New records the COPY could not take, to create. */
  private odd: RelRecord[] = [];

  private constructor(
    private readonly writes: LbugRunner,
    private readonly spool: Spool,
    private readonly group: SpoolGroup,
    private readonly copy: CopyFile<RelRecord> | undefined,
    private readonly create: (rels: RelRecord[]) => Promise<void>,
  ) {
    this.rest = new Uint8Array(group.count);
  }

  static async open(
    writes: LbugRunner,
    cypher: CypherFiles,
    spool: Spool,
    stage: Stage,
    group: SpoolGroup,
  ): Promise<RelGroupLoad> {
    const type = group.table as RelType;
    const columns = columnsOf(cypher, type, 'rel');
    const names = [...columns.keys()];
    const pairs = REL_ENDPOINTS[type].length;
    const { from, to } = group;
    const values = (r: RelRecord) => [r.from, r.to, ...names.map((c) => field(r, c))];
    const packed = packedCreateText(type, columns, { from, to });
    const create = async (rels: RelRecord[]) => {
      for (let i = 0; i < rels.length; i += CREATE_BATCH) {
        const chunk = rels.slice(i, i + CREATE_BATCH);
        const { lines, odd } = packAll(chunk, values);
        const written = lines.length ? await writes.text(packed, { rows: packRows(lines) }) : [];
        if (odd.length) {
          const rows = odd.map((r) => ({ from: r.from, to: r.to, ...tableRow(r, columns) }));
          append(written, await writes.text(createText(type, columns, { from, to }), { rows }));
        }
        checkEndpoints(
          {
            query: bulkOf(upsertRel(type)),
            rows: [],
            rels: chunk.map((r) => ({ id: r.id, name: relName(r) })),
          },
          written as Array<{ id: string }>,
        );
      }
    };
    const copy = await CopyFile.open<RelRecord>(stage, group, {
      header: csvHeader(columns, true),
      fromFile: (file) => copyText(type, columns, file, { from, to, pairs }),
      packed: packedCopyText(type, columns, { from, to, pairs }),
      values,
      explain: (err) => missingEndpoint(err, spool, group),
    });
    return new RelGroupLoad(writes, spool, group, copy, create);
  }

  /**
   * Stages the group's new records for its COPY: ids in neither `before` (held before the
   * import) nor `copied` (first seen in an earlier group or batch; extended here). Without a
   * CopyFile (a temp path that cannot be quoted) nothing is staged: writeRest creates them.
   */
  async stageNew(before: ReadonlySet<string>, copied: Set<string>): Promise<void> {
    let at = 0;
    for await (const batch of this.spool.batches<RelRecord>(this.group)) {
      for (const r of batch) {
        if (before.has(r.id) || copied.has(r.id)) {
          this.rest[at] = 1;
          this.anyRest = true;
        } else {
          copied.add(r.id);
          await this.copy?.add(r);
        }
        at += 1;
      }
    }
  }

  /** COPYs what stageNew staged; keeps the records the COPY could not take. */
  async copyNew(): Promise<void> {
    this.odd = (await this.copy?.run(this.writes)) ?? [];
  }

  /** Creates what the COPY could not take, then upserts existing ids and repeats, batch by batch. */
  async writeRest(): Promise<void> {
    await this.create(this.odd);
    this.odd = [];
    if (this.copy && !this.anyRest) return;
    let at = 0;
    for await (const batch of this.spool.batches<RelRecord>(this.group)) {
      const fresh: RelRecord[] = [];
      const rest: RelRecord[] = [];
      for (const r of batch) {
        if (this.rest[at] === 1) rest.push(r);
        else if (!this.copy) fresh.push(r);
        at += 1;
      }
      await this.create(fresh);
      await this.upsert(rest);
    }
  }

  private async upsert(rels: RelRecord[]) {
    const { table, from, to } = this.group;
    const query = upsertRel(table as RelType);
    const bulk = bulkOf(query);
    const slots = { from, to };
    for (let i = 0; i < rels.length; i += BULK_BATCH) {
      const chunk = rels.slice(i, i + BULK_BATCH);
      const batch: BulkBatch = {
        query: bulk,
        rows: chunk.map((r) => upsertParams(query, r)),
        slots,
        rels: chunk.map((r) => ({ id: r.id, name: relName(r) })),
      };
      const written = await this.writes.run(bulk, { rows: batch.rows }, slots);
      checkEndpoints(batch, written as Array<{ id: string }>);
    }
  }
}

async function existingRels(writes: LbugRunner, type: RelType) {
  const rows = await writes.text(`MATCH ()-[r:${type}]->() RETURN r.id AS id`, {});
  return new Set(rows.map((r) => String(r.id)));
}

/**
 * LadybugDB's "Unable to find primary key value X" as the import's own error, naming the
 * first relationship of the group (read again from the spool) that has X for an endpoint.
 */
async function missingEndpoint(
  err: unknown,
  spool: Spool,
  group: SpoolGroup,
): Promise<Error | undefined> {
  const key = /Unable to find primary key value (.+?)\.?$/m.exec(
    err instanceof Error ? err.message : '',
  )?.[1];
  if (key === undefined) return undefined;
  for await (const batch of spool.batches<RelRecord>(group)) {
    const rel = batch.find((r) => r.from === key || r.to === key);
    if (rel) return new Error(`${relName(rel)}: endpoint not found`);
  }
  return undefined;
}
