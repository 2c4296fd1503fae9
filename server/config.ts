import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './lib/project-root.js';

const root = projectRoot();

const EnvSchema = z.object({
  BACKEND: z.enum(['embedded']).default('embedded'),
  DATA_DIR: z.string().min(1).default(path.join(root, 'data')),
  SEED_DIR: z
    .string()
    .min(1)
    .default(path.join(root, 'seeds', 'world')),
  CYPHER_DIR: z.string().min(1).default(path.join(root, 'cypher')),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  QUERY_ROW_LIMIT: z.coerce.number().int().min(1).max(100_000).default(5_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof EnvSchema>;

/** Reads configuration from the environment; a bad value stops start-up with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
