/**
 * The architecture's import rules (see docs/ARCHITECTURE.md), checked on every `npm test`.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'electron-only-in-main-and-preload',
      comment: 'Only the Electron glue may import electron; the core and CLI must run in plain Node.',
      severity: 'error',
      from: { pathNot: '^electron/(main|preload)/' },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'renderer-only-contract-and-itself',
      comment: 'The renderer reaches the core only through window.checkpoint and the contract types.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { pathNot: ['^renderer/', '^electron/contract/', '^node_modules/', '\\.css$'] },
    },
    {
      name: 'contract-is-leaf',
      comment: 'The contract depends on zod and type-only core types, nothing with behaviour.',
      severity: 'error',
      from: { path: '^electron/contract/' },
      to: { pathNot: ['^electron/contract/', '^node_modules/zod/', '^electron/core/[^/]+/types\\.ts$'] },
    },
    {
      name: 'core-not-on-transports',
      comment: 'The core does not know about Electron main, preload, the CLI or the renderer.',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: '^(electron/(main|preload|cli)|renderer)/' },
    },
    {
      name: 'preload-only-contract',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { pathNot: ['^electron/contract/', '^node_modules/electron/', '^electron/preload/'] },
    },
    {
      name: 'native-is-leaf',
      comment: 'Device adapters do not reach into the app.',
      severity: 'error',
      from: { path: '^native/' },
      to: { path: '^(electron|renderer)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true, viaOnly: { pathNot: '^renderer/' } } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'] },
    exclude: { path: ['node_modules', 'dist'] },
  },
};
