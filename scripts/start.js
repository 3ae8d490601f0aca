// `npm start`: the Electron app where it can run; otherwise one line saying why, then the browser harness.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const binary = electronBinary();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
run(npm, ['run', '--silent', 'build:renderer']);
if (binary && hasDisplay) {
  run(npm, ['run', '--silent', 'build:electron']);
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = !binary ? 'its binary is not installed (download skipped or unreachable)' : 'there is no display';
  console.log(`Electron cannot start here: ${why}. Running the browser harness instead.`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/harness/server.ts'], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
