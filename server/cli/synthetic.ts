import { parseArgs } from 'node:util';
import { z } from 'zod';
import { writeSynthetic } from '../seed/synthetic.js';

const Args = z.object({
  nodes: z.coerce.number().int().min(8).max(10_000_000),
  rels: z.coerce.number().int().min(0).max(50_000_000),
  out: z.string().min(1),
  seed: z.coerce.number().int().min(0).default(1),
  chunk: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
});

/**
 * `npm run synthetic -- --nodes 100000 --rels 500000 --out <dir> [--seed 1] [--chunk 10000]`:
 * writes a synthetic graph in the seed format (server/seed/synthetic.ts), loadable with
 * `npm run seed -- --dir <dir>`.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      nodes: { type: 'string' },
      rels: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      chunk: { type: 'string' },
    },
  });
  const args = Args.safeParse(values);
  if (!args.success) {
    console.error(
      `usage: npm run synthetic -- --nodes N --rels M --out DIR [--seed S] [--chunk C]`,
    );
    console.error(z.prettifyError(args.error));
    process.exit(2);
  }
  const { out, ...options } = args.data;
  const { files, records } = await writeSynthetic(out, options);
  console.log(
    `${out}: ${files} files, ${records} records (${options.nodes} nodes, ${options.rels} relationships)`,
  );
}

await main().catch((err: unknown) => {
  console.error(`synthetic: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
