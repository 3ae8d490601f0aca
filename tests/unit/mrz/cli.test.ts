/** `checkpoint mrz parse` as a technician or a script uses it: argument, stdin, --json, --correct, exit codes. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../cliRun';
import { SPECIMENS } from '../../../electron/core/mrz/index';

const cli = (argv: string[], stdinText?: string) => runCliCaptured(['mrz', ...argv], stdinText);
const jsonLines = (out: string) => out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('checkpoint mrz parse', () => {
  it('reads the zone from the argument and prints a readable summary', async () => {
    const { code, out, err } = await cli(['parse', '--today', '2026-11-28', SPECIMENS.td3!.join('\n')]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(/^VALID {4}TD3\n/);
    expect(out).toContain('ERIKSSON, ANNA MARIA');
    expect(out).toContain('born       1974-08-12   expires 2012-04-15');
    expect(out).toContain('warning    The document expired on 2012-04-15.');
  });

  it('accepts a literal \\n between the lines of a zone typed in a shell', async () => {
    const { out } = await cli(['parse', '--json', SPECIMENS.td2!.join('\\n')]);
    expect(jsonLines(out)[0]).toMatchObject({ format: 'TD2', valid: true });
  });

  it('reads many zones from stdin, one JSON object per zone per line, in order, even bad ones', async () => {
    const text = [SPECIMENS.td1!.join('\r\n'), 'this is not a zone', SPECIMENS.mrvb!.join('\n'), `${SPECIMENS.td3![0]}\n${SPECIMENS.td3![1]!.replace(/0$/, '9')}`].join('\n\n');
    const { code, out } = await cli(['parse', '--json'], text);
    expect(code).toBe(0);
    const results = jsonLines(out);
    expect(results.map((r) => [r.format, r.valid])).toEqual([
      ['TD1', true],
      [null, false],
      ['MRVB', true],
      ['TD3', false],
    ]);
    expect((results[1]!.errors as { code: string }[])[0]!.code).toBe('format');
    for (const key of ['format', 'documentCode', 'issuingState', 'nationality', 'surname', 'givenNames', 'documentNumber', 'birthDate', 'expiryDate', 'sex', 'optionalData', 'valid', 'errors', 'warnings']) {
      expect(results[0]).toHaveProperty(key);
    }
  });

  it('--correct repairs and lists every repair', async () => {
    const misread = `${SPECIMENS.td3![0]}\n${SPECIMENS.td3![1]!.replace('7408122', '74O8122')}`;
    const plain = jsonLines((await cli(['parse', '--json', misread])).out)[0]!;
    expect(plain.valid).toBe(false);
    expect(plain).not.toHaveProperty('repairs');
    const fixed = jsonLines((await cli(['parse', '--json', '--correct', misread])).out)[0]!;
    expect(fixed.valid).toBe(true);
    expect(fixed.repairs).toEqual([{ line: 2, position: 16, from: 'O', to: '0' }]);
    const { out } = await cli(['parse', '--correct', misread]);
    expect(out).toContain('repaired   2:16 O→0');
  });

  it('usage errors exit 2 with a message on stderr; --help documents the exit code', async () => {
    expect((await cli(['parse', '--bogus'])).code).toBe(2);
    const none = await cli(['parse'], '');
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no zone given/);
    expect((await cli(['frobnicate'])).err).toMatch(/unknown mrz subcommand/);
    expect((await cli(['parse', '--today', 'yesterday', 'x'])).code).toBe(2);
    expect((await cli(['parse', 'a', 'b'])).err).toMatch(/ONE argument/);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Exit code: 0 when the input was read, even if some zones are invalid/);
  });

  it('runs as a real process through bin/checkpoint.js with stdin piped', () => {
    const r = spawnSync(process.execPath, ['bin/checkpoint.js', 'mrz', 'parse', '--json'], {
      input: `${SPECIMENS.td2!.join('\n')}\n\n${SPECIMENS.mrva!.join('\n')}\n`,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(jsonLines(r.stdout).map((x) => x.format)).toEqual(['TD2', 'MRVA']);
  });
});
