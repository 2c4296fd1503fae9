/** Architecture rules (see docs/architecture.md); `npm run deps` enforces them. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'contract-is-self-contained',
      comment: 'server/contract is shared with the client: zod and itself only.',
      severity: 'error',
      from: { path: '^server/contract/' },
      to: { pathNot: ['^server/contract/', 'node_modules/zod/'] },
    },
    {
      name: 'domain-is-pure',
      comment: 'Use cases take the store as an argument; no HTTP, drivers or file system.',
      severity: 'error',
      from: { path: '^server/domain/' },
      to: {
        pathNot: [
          '^server/domain/',
          '^server/contract/',
          '^server/lib/',
          '^server/store/graph-store\\.ts$',
          'node_modules/zod/',
        ],
      },
    },
    {
      name: 'only-embedded-adapter-imports-ladybug',
      severity: 'error',
      from: { pathNot: '^server/store/embedded/' },
      to: { path: 'node_modules/@ladybugdb/' },
    },
    {
      name: 'only-neo4j-adapter-imports-driver',
      severity: 'error',
      from: { pathNot: '^server/store/neo4j/' },
      to: { path: 'node_modules/neo4j-driver' },
    },
    {
      name: 'routes-do-not-touch-stores',
      comment: 'Routes call use cases; adapters are built in main.ts only.',
      severity: 'error',
      from: { path: '^server/http/' },
      to: { path: '^server/store/(embedded|neo4j)/' },
    },
    {
      name: 'client-imports-only-contract',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/', pathNot: '^server/contract/' },
    },
    {
      name: 'only-client-view-imports-cytoscape',
      severity: 'error',
      from: { pathNot: '^client/view/' },
      to: { path: 'node_modules/cytoscape' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
