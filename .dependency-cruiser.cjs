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
          // Only the pure helpers of lib/ (lib/project-root.ts, for one, reads the file system).
          '^server/lib/(app-error|query-library|search-rank|text)\\.ts$',
          '^server/store/graph-store\\.ts$',
          'node_modules/zod/',
          // Pure graph algorithms (analytics: centrality, Louvain).
          'node_modules/graphology',
        ],
      },
    },
    {
      name: 'domain-reaches-no-node-builtins',
      comment: 'Nothing domain/ imports, directly or through others, may use node: modules.',
      severity: 'error',
      from: { path: '^server/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-reaches-no-io-transitively',
      severity: 'error',
      from: { path: '^server/domain/' },
      to: {
        path: '^(node:)?(fs|fs/promises|child_process|net|http|https|os|worker_threads)$',
        reachable: true,
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
