import { describe, expect, it } from 'vitest';
import { syntheticEntries } from '../../../electron/core/watchlist/generator';
import { validateEntry, type PersonEntry } from '../../../electron/core/watchlist';
import { tempStore } from './helpers';

describe('synthetic list generator', () => {
  it('is deterministic, valid, and mixes persons with lost/stolen documents', () => {
    const a = [...syntheticEntries(2000, 5)];
    const b = [...syntheticEntries(2000, 5)];
    expect(a).toEqual(b);
    for (const e of a) expect(() => validateEntry(e)).not.toThrow();
    const docs = a.filter((e) => e.kind === 'document').length;
    expect(docs).toBe(400);
    const nats = new Set(a.flatMap((e) => (e.kind === 'person' ? e.nationalities : [])));
    for (const asean of ['VNM', 'THA', 'IDN', 'PHL', 'MMR']) expect(nats).toContain(asean);
    // Common surnames are common (Zipf-like), as on real lists.
    const surnames = a.filter((e): e is PersonEntry => e.kind === 'person' && e.nationalities[0] === 'VNM').map((e) => e.names[0]!.split(' ')[0]);
    expect(surnames.filter((s) => s === 'NGUYEN').length / surnames.length).toBeGreaterThan(0.2);
  });

  it('gives a list that screening finds its own people in', () => {
    const { store, cleanup } = tempStore();
    try {
      const entries = [...syntheticEntries(3000, 9)];
      store.importEntries(entries);
      const p = entries.find((e): e is PersonEntry => e.kind === 'person' && e.birthDates[0]!.length === 10)!;
      const parts = p.names[0]!.split(' ');
      const r = store.screen({ surname: parts.pop(), givenNames: parts.join(' '), birthDate: p.birthDates[0], nationality: p.nationalities[0] });
      expect(r.hits.map((h) => h.id)).toContain(p.id);
    } finally {
      cleanup();
    }
  });
});
