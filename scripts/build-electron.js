// Bundles Electron's main process and the sandboxed preload into dist/electron (CommonJS, as Electron loads them).
import { build } from 'esbuild';

const external = ['electron', 'better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'tesseract.js', 'sharp', 'pdfkit'];

await build({
  entryPoints: { main: 'electron/main/index.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external,
  // Core modules locate package.json and resources relative to their own URL.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// A sandboxed preload may only require 'electron': bundle everything else into it.
await build({
  entryPoints: { preload: 'electron/preload/index.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'browser',
  target: 'chrome120',
  format: 'cjs',
  external: ['electron'],
  logLevel: 'warning',
});
console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
