// Runs Electronegativity over the Electron sources and fails on any finding not explained in
// security/electronegativity-allowlist.json (the tool itself always exits 0, so we read its SARIF).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const allow = JSON.parse(readFileSync('security/electronegativity-allowlist.json', 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'eneg-'));
const sarifPath = join(dir, 'out.sarif');
const bin = join('node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity');
const r = spawnSync(bin, ['-i', 'electron', '-o', sarifPath, '-r', '-e', electronVersion, '-v', 'false'], { encoding: 'utf8' });
let results;
try {
  results = JSON.parse(readFileSync(sarifPath, 'utf8')).runs[0].results;
} catch {
  console.error('electronegativity did not produce a report:\n' + r.stdout + r.stderr);
  process.exit(1);
} finally {
  // keep nothing behind
}
rmSync(dir, { recursive: true, force: true });

const unexplained = [];
const used = new Set();
for (const res of results) {
  const file = res.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '?';
  const line = res.locations?.[0]?.physicalLocation?.region?.startLine ?? 0;
  const entry = allow.find((a) => a.ruleId === res.ruleId && (a.file === '*' || a.file === file));
  if (entry) used.add(entry);
  else unexplained.push(`${res.ruleId} at electron/${file}:${line}`);
}
for (const a of allow) if (!used.has(a)) console.log(`note: allowlist entry ${a.ruleId} (${a.file}) no longer matches a finding; remove it.`);
if (unexplained.length) {
  console.error(`Electronegativity found ${unexplained.length} unexplained issue(s):\n  ${unexplained.join('\n  ')}`);
  console.error('Fix them, or explain each in security/electronegativity-allowlist.json.');
  process.exit(1);
}
console.log(`electronegativity: ${results.length} finding(s), all explained in the allowlist`);
