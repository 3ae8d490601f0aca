import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { entryHash } from '../../../electron/core/inspections/chain';
import { openInspectionLog, type ChainHead } from '../../../electron/core/inspections/index';
import { sampleInspection, tempDir } from './fixtures';

let t: ReturnType<typeof tempDir>;
const headPath = () => join(t.dir, 'inspections.head');
const readHead = () => JSON.parse(readFileSync(headPath(), 'utf8')) as ChainHead;

/** Ten inspections with an admin action in the middle (11 entries), closed: the head file names entry 11. */
beforeEach(() => {
  t = tempDir();
  const log = openInspectionLog(t.dir);
  for (let i = 0; i < 10; i++) {
    log.recordInspection(sampleInspection(i));
    if (i === 4) log.appendAudit('config.change', 'admin', { key: 'x', from: null, to: '1' });
  }
  log.close();
});
afterEach(() => t.cleanup());

function sql(...statements: string[]) {
  const db = new Database(join(t.dir, 'inspections.db'));
  for (const s of statements) db.exec(s);
  db.close();
}

function readChainHash(seq: number): string {
  const db = new Database(join(t.dir, 'inspections.db'), { readonly: true });
  try {
    return (db.prepare('SELECT hash FROM audit WHERE seq = ?').pluck().get(seq) as string);
  } finally {
    db.close();
  }
}

function verify(expectHead?: ChainHead) {
  const log = openInspectionLog(t.dir);
  try {
    return log.verifyChain(undefined, { expectHead });
  } finally {
    log.close();
  }
}

async function cli(...extra: string[]): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (b) => (out += b));
  const code = await runCli(['log', 'verify', '--data-dir', t.dir, ...extra], { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {} });
  return { code, out };
}

describe('the end of the chain is anchored in inspections.head', () => {
  it('a clean log: the head file names the last entry and verify says so', async () => {
    expect(readHead()).toMatchObject({ seq: 11 });
    const v = verify();
    expect(v).toMatchObject({ ok: true, checked: 11, anchor: { status: 'match', recorded: { seq: 11, hash: v.head!.hash } } });
    expect((await cli()).code).toBe(0);
  });

  it('the newest entry deleted (row and chain entry): broken, exit 1', async () => {
    sql('DELETE FROM inspections WHERE seq = 11', 'DELETE FROM audit WHERE seq = 11');
    const v = verify();
    expect(v).toMatchObject({ ok: false, checked: 10, head: { seq: 10 }, anchor: { status: 'truncated', recorded: { seq: 11 } } });
    expect(v.firstBroken).toEqual({ seq: 11, reason: 'the last 1 entry is missing: the log ends at seq 10, but entry 11 was recorded (inspections.head)' });
    const { code, out } = await cli('--json');
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ ok: false, checked: 10, firstBroken: { seq: 11 } });
    const text = await cli();
    expect(text.out).toMatch(/BROKEN at entry 11: the last 1 entry is missing: the log ends at seq 10, but entry 11 was recorded/);
  });

  it('several newest entries deleted: broken at the first one gone', () => {
    sql('DELETE FROM inspections WHERE seq > 8', 'DELETE FROM audit WHERE seq > 8');
    expect(verify().firstBroken).toEqual({ seq: 9, reason: 'the last 3 entries are missing: the log ends at seq 8, but entry 11 was recorded (inspections.head)' });
  });

  it('only the chain entries of the newest inspections deleted: a cut tail, not rows "inserted by hand"', () => {
    sql('DELETE FROM audit WHERE seq > 9');
    expect(verify()).toMatchObject({ checked: 9, firstBroken: { seq: 10, reason: expect.stringMatching(/last 2 entries are missing/) } });
  });

  it('every entry deleted', () => {
    sql('DELETE FROM inspections', 'DELETE FROM audit');
    expect(verify()).toMatchObject({ ok: false, checked: 0, head: null, firstBroken: { seq: 1, reason: expect.stringMatching(/last 11 entries are missing: the log ends at seq 0/) } });
  });

  it('the tail cut and new entries recorded after it: the head file is kept as evidence, not overwritten', () => {
    const before = readFileSync(headPath(), 'utf8');
    sql('DELETE FROM inspections WHERE seq > 9', 'DELETE FROM audit WHERE seq > 9');
    const log = openInspectionLog(t.dir);
    for (let i = 20; i < 24; i++) log.recordInspection(sampleInspection(i)); // seq 10..13, past the old head
    log.close();
    expect(readFileSync(headPath(), 'utf8')).toBe(before);
    expect(verify().firstBroken).toMatchObject({ seq: 11, reason: expect.stringMatching(/not the entry recorded as the head .* rewritten/) });
  });

  it('the last entry replaced by a freshly hashed one (links intact): found as a rewrite', () => {
    const db = new Database(join(t.dir, 'inspections.db'));
    const e = db.prepare('SELECT * FROM audit WHERE seq = 11').get() as Parameters<typeof entryHash>[0] & { hash: string };
    db.prepare('DELETE FROM inspections WHERE seq = 11').run();
    const forged = { ...e, action: 'config.change', ref: null, details: '{}' };
    db.prepare('UPDATE audit SET action = ?, ref = NULL, details = ?, hash = ? WHERE seq = 11').run(forged.action, forged.details, entryHash(forged));
    db.close();
    expect(verify()).toMatchObject({ ok: false, checked: 10, firstBroken: { seq: 11 }, anchor: { status: 'rewritten' } });
  });

  it('an unreadable head file is reported, and not overwritten by later entries', () => {
    writeFileSync(headPath(), 'garbage');
    expect(verify()).toMatchObject({ ok: false, checked: 11, firstBroken: { seq: 12, reason: expect.stringMatching(/inspections.head is unreadable/) } });
    const log = openInspectionLog(t.dir);
    log.recordInspection(sampleInspection(30));
    log.close();
    expect(readFileSync(headPath(), 'utf8')).toBe('garbage');
  });

  it('a head file one commit behind the database (crash before the head write) is no alarm', () => {
    const behind = readFileSync(headPath(), 'utf8');
    const log = openInspectionLog(t.dir);
    log.recordInspection(sampleInspection(11));
    log.close();
    expect(readHead().seq).toBe(12);
    writeFileSync(headPath(), behind); // as if killed between the commit and the head write
    expect(verify()).toMatchObject({ ok: true, checked: 12, anchor: { status: 'behind', recorded: { seq: 11 } } });
    // The next commit brings it up to date.
    const again = openInspectionLog(t.dir);
    again.appendAudit('config.change', 'admin', { key: 'y', from: null, to: '2' });
    again.close();
    expect(readHead().seq).toBe(13);
    expect(verify().anchor?.status).toBe('match');
  });

  it('a real kill -9 right after a commit, before its head write: verifies intact', async () => {
    const child = fileURLToPath(new URL('./headCrashChild.ts', import.meta.url));
    const proc = spawn(process.execPath, ['--import', 'tsx', child, t.dir, '5'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const signal = await new Promise((resolve) => proc.on('exit', (_c, s) => resolve(s)));
    expect(signal).toBe('SIGKILL');
    const acked = Number(/ack (\d+)/.exec(out)![1]);
    expect(acked).toBe(17);
    expect(readHead().seq).toBe(16); // the crash window: the last commit is not in the head file
    expect(verify()).toMatchObject({ ok: true, checked: 17, anchor: { status: 'behind' } });
  }, 30_000);

  it('a data folder from before head files: verify says the end was not checked; the next entry writes the head', async () => {
    rmSync(headPath());
    expect(verify()).toMatchObject({ ok: true, checked: 11, anchor: { status: 'missing', recorded: null } });
    expect(existsSync(headPath())).toBe(false); // opening (and verifying) does not invent a head
    const { code, out } = await cli();
    expect(code).toBe(0);
    expect(out).toMatch(/end of the log was not checked: there is no inspections.head/);
    const log = openInspectionLog(t.dir);
    log.recordInspection(sampleInspection(11));
    log.close();
    expect(readHead().seq).toBe(12);
    expect(verify().anchor?.status).toBe('match');
  });

  it('a head kept off the machine (--expect-head) finds a cut tail even without the head file', async () => {
    const kept = verify().head!;
    rmSync(headPath());
    sql('DELETE FROM inspections WHERE seq = 11', 'DELETE FROM audit WHERE seq = 11');
    expect(verify().ok).toBe(true); // nothing beside the database says how long it was
    expect(verify(kept)).toMatchObject({ ok: false, firstBroken: { seq: 11, reason: expect.stringMatching(/last 1 entry is missing.*the head given to check/) } });
    const { code, out } = await cli('--json', '--expect-head', `${kept.seq}:${kept.hash}`);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ anchor: { status: 'missing', expected: { seq: 11, status: 'truncated' } } });
    // An older kept head that is still in the chain is fine.
    const older = { seq: 5, hash: readChainHash(5) };
    expect((await cli('--expect-head', `${older.seq}:${older.hash}`)).code).toBe(0);
    expect((await cli('--expect-head', 'nonsense')).code).toBe(2);
  });
});

describe('the intact count and a damaged log', () => {
  it('a faked purge: the entries before the broken one, not all entries walked, are called intact', async () => {
    sql('UPDATE inspections SET personal = NULL, personal_salt = NULL, purged_at = 1 WHERE seq = 7');
    const v = verify();
    expect(v).toMatchObject({ ok: false, checked: 6, head: { seq: 6 }, firstBroken: { seq: 7, reason: expect.stringMatching(/no recorded retention purge/) } });
    const log = openInspectionLog(t.dir);
    expect(v.head!.hash).toBe(log.verifyChain({ fromSeq: 1, toSeq: 6 }).head!.hash);
    log.close();
    expect((await cli()).out).toMatch(/BROKEN at entry 7.*\n6 entries before it are intact/);
  });

  it('a dropped inspections table: "damaged", exit 1, and the app refuses to record into it', async () => {
    sql('DROP TABLE inspections');
    const { code, out } = await cli('--json');
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ ok: false, checked: 0, firstBroken: { seq: 1, reason: expect.stringMatching(/log is damaged: the inspections table is missing/) } });
    expect((await cli()).out).toMatch(/BROKEN at entry 1: the log is damaged/);
    expect(() => openInspectionLog(t.dir)).toThrow(expect.objectContaining({ code: 'log_damaged', message: expect.stringMatching(/inspections table is missing/) }));
  });

  it('a dropped audit table', async () => {
    sql('DROP TABLE audit');
    const { code, out } = await cli('--json');
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ ok: false, checked: 0, firstBroken: { seq: 1, reason: expect.stringMatching(/audit table is missing/) } });
  });
});
