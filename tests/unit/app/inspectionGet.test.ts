import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoreServices, type CoreServices } from '../../../electron/core/app/services';
import type { CallerContext } from '../../../electron/core/app/dispatch';
import type { InspectionDetail } from '../../../electron/contract';
import { sampleInspection } from '../inspections/fixtures';

/** inspection.get, as the supervisor's detail view calls it: the correction history with who, when and what changed. */
describe('inspection.get returns the corrections of a record', () => {
  let services: CoreServices;
  let dir: string;
  const supervisor: CallerContext = { sessionId: null };
  let original: string;
  let first: string;
  let second: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'checkpoint-get-'));
    services = await createCoreServices({ dataDir: dir });
    await services.auth.addUser({ username: 'sup.x', role: 'supervisor', password: 'first-password-1', site: 'NORTH' }, 'test');
    await services.dispatch('auth.login', { username: 'sup.x', password: 'first-password-1' }, supervisor);
    expect((await services.dispatch('auth.changePassword', { currentPassword: 'first-password-1', newPassword: 'correct horse battery' }, supervisor)).ok).toBe(true);
    const log = services.log;
    original = log.recordInspection(sampleInspection(1)).id; // officer.b admits ERIKSSON1
    first = log.correctInspection(original, { actor: 'officer.b', correctionReason: 'pressed admit by mistake', decision: 'refer', reason: 'document_doubt', notes: 'sent to secondary' }).id;
    second = log.correctInspection(first, {
      actor: 'sup.x',
      correctionReason: 'surname mistyped in manual entry',
      decision: 'refer',
      reason: 'document_doubt',
      notes: 'sent to secondary',
      documentFields: { ...sampleInspection(1).document.fields!, surname: 'ERIKSSON' },
    }).id;
  });
  afterAll(async () => {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (id: string) => {
    const r = await services.dispatch('inspection.get', { id }, supervisor);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as InspectionDetail;
  };

  it('from the original: every correction, who made it, when, and what it changed', async () => {
    const d = await get(original);
    expect(d.record).toMatchObject({ id: original, decision: 'admit', correctedBy: first });
    expect(d.corrections.map((c) => c.id)).toEqual([first, second]);
    expect(d.history.map((v) => [v.record.id, v.actor])).toEqual([
      [original, 'officer.b'],
      [first, 'officer.b'],
      [second, 'sup.x'],
    ]);
    expect(d.history.every((v) => !Number.isNaN(Date.parse(v.at)))).toBe(true);
    expect(d.history[0]!.changes).toEqual([]);
    expect(d.history[1]!.changes).toEqual([
      { field: 'decision', from: 'admit', to: 'refer' },
      { field: 'reason', from: '', to: 'document_doubt' },
      { field: 'notes', from: '', to: 'sent to secondary' },
    ]);
    expect(d.history[1]!.record.correctionReason).toBe('pressed admit by mistake');
    expect(d.history[2]!.changes).toEqual([{ field: 'surname', from: 'ERIKSSON1', to: 'ERIKSSON' }]);
    expect(d.audit.map((a) => [a.action, a.actor])).toEqual([
      ['inspection.record', 'officer.b'],
      ['inspection.correct', 'officer.b'],
      ['inspection.correct', 'sup.x'],
    ]);
  });

  it('from the latest correction (what the search lists): the same history back to the original', async () => {
    const d = await get(second);
    expect(d.record).toMatchObject({ id: second, corrects: first, correctedBy: null });
    expect(d.corrections).toEqual([]);
    expect(d.history.map((v) => v.record.id)).toEqual([original, first, second]);
    expect(d.history[0]!.record.correctedBy).toBe(first);
    expect(d.audit).toHaveLength(3);
  });
});
