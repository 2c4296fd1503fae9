import { createReadStream } from 'node:fs';
import { type FileHandle, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { labelOfId, type NodeLabel } from '../contract/primitives.js';
import type { SeedBundle } from '../seed/validate-seeds.js';
import type { ImportSource } from './graph-store.js';

/** Records of one group the spool holds in memory before writing them to its file. */
export const SPOOL_MEMORY = 5_000;

/** Records per batch a group is read back in (a COPY, or a run of bulk statements, each). */
export const LOAD_BATCH = 50_000;

/** One node label's, or one relationship type's between two endpoint labels, records. */
export interface SpoolGroup {
  kind: 'node' | 'rel';
  table: string;
  from: NodeLabel;
  to: NodeLabel;
  /** Records in the group. */
  count: number;
  /** Records not yet written to the file, in input order after those in it. */
  held: unknown[];
  file?: { path: string; handle?: FileHandle };
}

/**
 * An import's records read to the end of its source, grouped by node label and by
 * relationship type and endpoint labels, in input order: up to `memory` records of a group in
 * memory, the rest as JSON lines in a file of the spool's temp folder, so that a large import
 * holds a few thousand records per group instead of the graph, and a store writes only once
 * the source has ended without throwing. A relationship whose endpoint id names no label
 * throws.
 */
export class Spool {
  readonly groups = new Map<string, SpoolGroup>();
  nodes = 0;
  rels = 0;
  private dir: Promise<string> | undefined;
  private n = 0;

  private constructor(private readonly memory: number) {}

  /** Reads `source` to its end; on any error the spool's files are removed and the error thrown. */
  static async read(source: ImportSource, memory = SPOOL_MEMORY): Promise<Spool> {
    const spool = new Spool(memory);
    try {
      for await (const chunk of source) await spool.add(chunk);
      await spool.close();
      return spool;
    } catch (err) {
      await spool.remove();
      throw err;
    }
  }

  /** Node groups first, then relationship groups, each in the order first seen. */
  ordered(): SpoolGroup[] {
    const all = [...this.groups.values()];
    return [...all.filter((g) => g.kind === 'node'), ...all.filter((g) => g.kind === 'rel')];
  }

  private async add(chunk: SeedBundle): Promise<void> {
    for (const { label, record } of chunk.nodes) {
      await this.put(`${label}`, 'node', label, label, label, record);
      this.nodes += 1;
    }
    for (const rel of chunk.rels) {
      const from = labelOfId(rel.from);
      const to = labelOfId(rel.to);
      if (!from || !to) {
        throw new Error(`relationship ${rel.id} (${rel.from} -> ${rel.to}): endpoint not found`);
      }
      await this.put(`${rel.type}|${from}|${to}`, 'rel', rel.type, from, to, rel);
      this.rels += 1;
    }
  }

  private async put(
    key: string,
    kind: SpoolGroup['kind'],
    table: string,
    from: NodeLabel,
    to: NodeLabel,
    record: unknown,
  ) {
    let group = this.groups.get(key);
    if (!group) {
      group = { kind, table, from, to, count: 0, held: [] };
      this.groups.set(key, group);
    }
    group.held.push(record);
    group.count += 1;
    if (group.held.length >= this.memory) await this.flush(group);
  }

  private async flush(group: SpoolGroup) {
    if (group.held.length === 0) return;
    if (!group.file) {
      this.dir ??= mkdtemp(path.join(tmpdir(), 'entente-spool-'));
      const file = path.join(await this.dir, `${this.n++}.jsonl`);
      group.file = { path: file, handle: await open(file, 'w') };
    }
    const lines = group.held.map((r) => JSON.stringify(r));
    group.held = [];
    await group.file.handle?.write(`${lines.join('\n')}\n`);
  }

  /** Removes the spool's files. */
  async remove(): Promise<void> {
    await this.close();
    if (this.dir) await rm(await this.dir, { recursive: true, force: true });
  }

  /** Closes the files; the records stay where they are. */
  private async close(): Promise<void> {
    for (const group of this.groups.values()) {
      await group.file?.handle?.close();
      if (group.file) group.file.handle = undefined;
    }
  }

  /** A group's records in input order, LOAD_BATCH at a time: the file's first, then those held. */
  async *batches<T>(group: SpoolGroup): AsyncGenerator<T[]> {
    let batch: T[] = [];
    if (group.file) {
      const lines = createInterface({ input: createReadStream(group.file.path, 'utf8') });
      for await (const line of lines) {
        if (!line) continue;
        batch.push(JSON.parse(line) as T);
        if (batch.length >= LOAD_BATCH) {
          yield batch;
          batch = [];
        }
      }
    }
    for (const record of group.held as T[]) {
      batch.push(record);
      if (batch.length >= LOAD_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
}
