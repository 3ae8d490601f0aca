import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InspectionInput } from '../../../electron/core/inspections/index';

export function tempDir(prefix = 'cp-insp-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A plausible inspection; `i` varies the traveller and the time. ICAO specimen-style data only. */
export function sampleInspection(i = 0, over: Partial<InspectionInput> = {}): InspectionInput {
  const decided = new Date(Date.UTC(2026, 10, 28, 8, 0, 0) + i * 60_000);
  const read = new Date(decided.getTime() - 20_000 - (i % 7) * 1000);
  const decision = i % 10 === 0 ? 'refer' : i % 25 === 0 ? 'refuse' : 'admit';
  return {
    time: decided.toISOString(),
    workstation: 'WS-01',
    officer: i % 2 ? 'officer.b' : 'officer.a',
    shiftId: '2026-11-28-A',
    site: 'NORTH',
    document: {
      source: 'simulator',
      fields: {
        documentCode: 'P',
        issuingState: 'UTO',
        nationality: 'UTO',
        surname: `ERIKSSON${i}`,
        givenNames: 'ANNA MARIA',
        documentNumber: `L898${String(i).padStart(5, '0')}`,
        birthDate: '740812',
        expiryDate: '120415',
        sex: 'F',
        optionalData: '',
      },
    },
    checks: {
      zoneValid: true,
      zoneErrors: [],
      expiry: 'valid',
      watchlistVersion: 7,
      hits: decision === 'admit' ? [] : [{ id: 'un:QDi.001', score: 0.93, band: 'hit' }],
    },
    decision,
    reason: decision === 'admit' ? '' : 'watchlist hit confirmed',
    notes: decision === 'admit' ? '' : 'Escorted to secondary; duty desk called.',
    timings: { readAt: read.toISOString(), decidedAt: decided.toISOString() },
    ...over,
  } as InspectionInput;
}
