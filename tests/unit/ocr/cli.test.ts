import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/commands/ocr';
import { syntheticPage } from '../../../tools/ocr-train/syntheticPage';
import { MODEL_DIR } from './helpers';

function ctx() {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => (out += d));
  return { ctx: { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: { CHECKPOINT_OCR_DIR: MODEL_DIR } }, out: () => out };
}

describe('checkpoint ocr --json', () => {
  it('prints one JSON line per image, in order, and a failure line for a missing file', async () => {
    process.env.CHECKPOINT_OCR_DIR = MODEL_DIR;
    const dir = mkdtempSync(join(tmpdir(), 'ocr-cli-'));
    const p = await syntheticPage(1002, 'TD3', 'clean');
    const page = join(dir, 'page.png');
    writeFileSync(page, p.image);
    const missing = join(dir, 'missing.png');
    const { ctx: c, out } = ctx();
    const code = await run(['--json', page, missing], c);
    const lines = out().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ file: page, ok: true, lines: p.lines, format: 'TD3', valid: true, errors: [] });
    for (const k of ['documentNumber', 'surname', 'givenNames', 'birthDate', 'expiryDate', 'nationality', 'sex', 'ms', 'confidence', 'repairs']) expect(lines[0]).toHaveProperty(k);
    expect(lines[1]).toMatchObject({ file: missing, ok: false });
    expect(lines[1].error).toMatch(/cannot open/);
    expect(code).toBe(1);
  });
});
