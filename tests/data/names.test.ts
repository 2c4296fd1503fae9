import pino from 'pino';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import {
  type DatedName,
  DatedNamesSchema,
  PathResponseSchema,
  SubgraphResponseSchema,
} from '../../server/contract/index.js';
import type { SeedBundle } from '../../server/seed/validate-seeds.js';
import { testAuth } from '../helpers/auth.js';
import { worldStore } from '../helpers/world.js';
import { worldBundle } from './world-bundle.js';

/** Dated names in seeds/world: well formed, within the node's life, and answered on the date. */
let bundle: SeedBundle;
beforeAll(async () => {
  bundle = await worldBundle();
});

type Named = { id: string; name: string; founded?: string; dissolved?: string; names?: string };
/** Records with former names, parsed back from the JSON text the model keeps. */
const renamed = () =>
  bundle.nodes
    .map((n) => n.record as Named)
    .filter((r) => r.names !== undefined)
    .map((r) => ({
      ...r,
      names: DatedNamesSchema.parse(JSON.parse(r.names ?? '[]')) as DatedName[],
    }));

describe('dated names in seeds/world', () => {
  it('the OSCE was the CSCE from the Helsinki Final Act until 1 January 1995', () => {
    const osce = renamed().find((r) => r.id === 'alliance:osce');
    expect(osce?.name).toBe('Organization for Security and Co-operation in Europe');
    expect(osce?.names?.map(({ name, since, until }) => ({ name, since, until }))).toEqual([
      {
        name: 'Conference on Security and Co-operation in Europe',
        since: '1975-08-01',
        until: '1995-01-01',
      },
    ]);
    expect(osce?.names?.[0]?.sources.map((s) => s.url)).toContain('https://www.osce.org/mc/58703');
  });

  it('every former name lies within its node’s life, spells do not overlap, and differs from today’s', () => {
    for (const r of renamed()) {
      const spells = [...(r.names ?? [])].sort((a, b) => a.since.localeCompare(b.since));
      spells.forEach((s, i) => {
        expect(s.name, r.id).not.toBe(r.name);
        if (r.founded) expect(s.since >= r.founded, `${r.id} ${s.name}`).toBe(true);
        if (r.dissolved) expect(s.until <= r.dissolved, `${r.id} ${s.name}`).toBe(true);
        const next = spells[i + 1];
        if (next) expect(s.until <= next.since, `${r.id} ${s.name}`).toBe(true);
      });
    }
  });
});

describe('read routes name nodes as on the date', () => {
  let http: () => ReturnType<typeof request>;
  beforeAll(async () => {
    const app = createApp({
      store: await worldStore(),
      auth: await testAuth(),
      logger: pino({ level: 'silent' }),
    });
    http = () => request(app);
  }, 120_000);

  it('the subgraph calls the OSCE the CSCE in 1980 and the OSCE in 2000', async () => {
    const in1980 = SubgraphResponseSchema.parse(
      (
        await http()
          .post('/api/subgraph')
          .send({ ids: ['alliance:osce'], asOf: '1980-01-01' })
      ).body,
    );
    expect(in1980.nodes[0]?.name).toBe('Conference on Security and Co-operation in Europe');
    expect(in1980.nodes[0]?.properties.currentName).toBe(
      'Organization for Security and Co-operation in Europe',
    );
    expect(in1980.nodes[0]?.properties.formerNames).toEqual([
      'Conference on Security and Co-operation in Europe: 1975-08-01 to 1995-01-01',
    ]);
    const in2000 = SubgraphResponseSchema.parse(
      (
        await http()
          .post('/api/subgraph')
          .send({ ids: ['alliance:osce'], asOf: '2000-01-01' })
      ).body,
    );
    expect(in2000.nodes[0]?.name).toBe('Organization for Security and Co-operation in Europe');
    expect(in2000.nodes[0]?.properties.currentName).toBeUndefined();
    expect(in2000.nodes[0]?.properties.names).toBeUndefined();
  });

  it('a path on 1994-12-31 ends at the CSCE, on 1995-01-01 at the OSCE', async () => {
    for (const [asOf, name] of [
      ['1994-12-31', 'Conference on Security and Co-operation in Europe'],
      ['1995-01-01', 'Organization for Security and Co-operation in Europe'],
    ] as const) {
      const res = await http()
        .get('/api/paths/shortest')
        .query({ from: 'nation:AUT', to: 'alliance:osce', asOf });
      expect(res.status).toBe(200);
      expect(PathResponseSchema.parse(res.body).nodes.at(-1)?.name).toBe(name);
    }
  });
});
