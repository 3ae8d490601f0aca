import Database from 'better-sqlite3';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { openInspectionLog, type InspectionLog } from '../../../electron/core/inspections/index';
import { sampleInspection, tempDir } from './fixtures';

let t: ReturnType<typeof tempDir>;
let ids: string[];

/** Ten inspections with an admin action in the middle, then closed: the file is what an attacker edits. */
beforeEach(() => {
  t = tempDir();
  const log = openInspectionLog(t.dir);
  ids = [];
  for (let i = 0; i < 10; i++) {
    ids.push(log.recordInspection(sampleInspection(i)).id);
    if (i === 4) log.appendAudit('config.change', 'admin', { key: 'x', from: null, to: '1' });
  }
  expect(log.verifyChain()).toMatchObject({ ok: true, checked: 11 });
  log.close();
});
afterEach(() => t.cleanup());

function tamper(sql: string, ...params: unknown[]) {
  const db = new Database(join(t.dir, 'inspections.db'));
  db.prepare(sql).run(...params);
  db.close();
}

function verify(): ReturnType<InspectionLog['verifyChain']> {
  const log = openInspectionLog(t.dir);
  try {
    return log.verifyChain();
  } finally {
    log.close();
  }
}

async function cliVerify(): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (b) => (out += b));
  const code = await runCli(['log', 'verify', '--data-dir', t.dir, '--json'], { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {} });
  return { code, out };
}

describe('log verify finds tampering', () => {
  it('an edited decision', async () => {
    tamper("UPDATE inspections SET decision = 'admit', reason = '' WHERE id = ?", ids[0]); // seq 1 was a referral
    expect(verify().firstBroken).toMatchObject({ seq: 1, reason: expect.stringMatching(/changed after it was recorded/) });
    const { code, out } = await cliVerify();
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ ok: false, firstBroken: { seq: 1 } });
  });

  it('an edited personal field (document number)', () => {
    const log = openInspectionLog(t.dir);
    const rec = log.getInspection(ids[3]!)!.record;
    log.close();
    const personal = JSON.parse(JSON.stringify({ fields: rec.document.fields, notes: rec.notes, hits: rec.checks.hits }));
    personal.fields.documentNumber = 'X0000000';
    tamper('UPDATE inspections SET personal = ? WHERE id = ?', JSON.stringify(personal), ids[3]);
    expect(verify().firstBroken).toMatchObject({ seq: 4, reason: expect.stringMatching(/personal fields .* changed/) });
  });

  it('an edited audit entry', () => {
    tamper("UPDATE audit SET actor = 'someone.else' WHERE seq = 6");
    expect(verify().firstBroken).toMatchObject({ seq: 6, reason: expect.stringMatching(/entry content was changed/) });
  });

  it('a deleted inspection row', () => {
    tamper('DELETE FROM inspections WHERE id = ?', ids[7]);
    expect(verify().firstBroken).toMatchObject({ seq: 9, reason: expect.stringMatching(/missing .*deleted/) });
  });

  it('a deleted inspection together with its chain entry', () => {
    tamper('DELETE FROM inspections WHERE seq = 3');
    tamper('DELETE FROM audit WHERE seq = 3');
    expect(verify().firstBroken).toMatchObject({ seq: 3, reason: expect.stringMatching(/entry 3 is missing/) });
  });

  it('reordered rows: two chain entries swapped', () => {
    const db = new Database(join(t.dir, 'inspections.db'));
    const a = db.prepare('SELECT * FROM audit WHERE seq = 7').get() as Record<string, unknown>;
    const b = db.prepare('SELECT * FROM audit WHERE seq = 8').get() as Record<string, unknown>;
    const put = db.prepare('UPDATE audit SET at = @at, action = @action, actor = @actor, ref = @ref, details = @details, prev_hash = @prev_hash, hash = @hash WHERE seq = @target');
    db.transaction(() => {
      put.run({ ...b, target: 7 });
      put.run({ ...a, target: 8 });
    })();
    db.close();
    expect(verify().firstBroken).toMatchObject({ seq: 7, reason: expect.stringMatching(/previous-hash link/) });
  });

  it('reordered rows: two inspections swapped between positions', () => {
    tamper('UPDATE inspections SET seq = -1 WHERE seq = 2');
    tamper('UPDATE inspections SET seq = 2 WHERE seq = 3');
    tamper('UPDATE inspections SET seq = 3 WHERE seq = -1');
    expect(verify().firstBroken).toMatchObject({ seq: 2, reason: expect.stringMatching(/swapped or replaced/) });
  });

  it('personal data blanked without a retention purge', () => {
    tamper('UPDATE inspections SET personal = NULL, personal_salt = NULL WHERE id = ?', ids[5]);
    expect(verify().firstBroken).toMatchObject({ seq: 7, reason: expect.stringMatching(/outside a retention purge/) });
    tamper('UPDATE inspections SET purged_at = 1 WHERE id = ?', ids[5]);
    expect(verify().firstBroken).toMatchObject({ seq: 7, reason: expect.stringMatching(/no recorded retention purge covers/) });
  });

  it('an inspection row inserted by hand', () => {
    const db = new Database(join(t.dir, 'inspections.db'));
    const row = db.prepare('SELECT * FROM inspections WHERE seq = 2').get() as Record<string, unknown>;
    db.prepare(`INSERT INTO inspections (${Object.keys(row).join(',')}) VALUES (${Object.keys(row).map((k) => '@' + k).join(',')})`).run({ ...row, id: 'forged', seq: 99 });
    db.close();
    expect(verify().firstBroken).toMatchObject({ seq: 99, reason: expect.stringMatching(/not in the audit chain/) });
  });

  it('a partial check (the entries behind one report) finds tampering inside its range only', () => {
    tamper("UPDATE inspections SET reason = 'edited' WHERE seq = 9");
    const log = openInspectionLog(t.dir);
    try {
      expect(log.verifyChain({ fromSeq: 2, toSeq: 5 })).toMatchObject({ ok: true, checked: 4, range: { fromSeq: 2, toSeq: 5 } });
      expect(log.verifyChain({ fromSeq: 7, toSeq: 10 }).firstBroken).toMatchObject({ seq: 9 });
      expect(log.verifyChain({ fromSeq: 7, toSeq: 20 }).firstBroken).toMatchObject({ seq: 9 });
      expect(log.verifyChain().firstBroken).toMatchObject({ seq: 9 });
    } finally {
      log.close();
    }
    tamper('DELETE FROM audit WHERE seq = 4');
    const again = openInspectionLog(t.dir);
    expect(again.verifyChain({ fromSeq: 5, toSeq: 6 }).firstBroken).toMatchObject({ seq: 4, reason: expect.stringMatching(/missing/) });
    again.close();
  });

  it('an intact log verifies through the CLI with exit 0', async () => {
    const { code, out } = await cliVerify();
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ ok: true, checked: 11 });
  });
});
