import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchlistStore } from '../../../electron/core/watchlist';
import { romanizeThaiWord, thaiSpellings } from '../../../electron/core/watchlist/thai';
import { person, tempStore } from './helpers';

describe('Thai romanisation (RTGS + passport spellings)', () => {
  it.each([
    // leading vowels after their consonant, implied o/a, finals, passport J / EE
    ['สมชาย', 'SOMCHAI', 'SOMCHAI'],
    ['ใจดี', 'CHAIDI', 'JAIDEE'],
    // false cluster ศร (written R kept in passports), ษ as a final T
    ['เศรษฐา', 'SETTHA', 'SRETTHA'],
    // thanthakhat silences น; final จ is T in RTGS, J in passports; P for พ
    ['ไพโรจน์', 'PHAIROT', 'PAIROJ'],
    ['ยิ่งลักษณ์', 'YINGLAK', 'YINGLAK'],
    ['ทักษิณ', 'THAKSIN', 'THAKSIN'],
    ['ทวีสิน', 'THAWISIN', 'THAWISIN'],
    ['พรชัย', 'PHONCHAI', 'PORNCHAI'],
    ['กมล', 'KAMON', 'KAMOL'],
    ['ภูมิพล', 'PHUMIPHON', 'PUMIPOL'],
    ['จันทร์', 'CHAN', 'JAN'],
    ['กันตวรรณ', 'KANTAWAN', 'KANTAWAN'],
    ['เฉลิม', 'CHALOEM', 'CHALOEM'],
    ['หญิง', 'YING', 'YING'],
    ['แก้ว', 'KAEO', 'KAEO'],
    ['ไทย', 'THAI', 'THAI'],
    ['สวน', 'SUAN', 'SUAN'],
    ['คำ', 'KHAM', 'KHAM'],
  ])('%s -> %s / %s', (thai, rtgs, passport) => {
    const s = romanizeThaiWord(thai);
    expect([s.rtgs, s.passport]).toEqual([rtgs, passport]);
  });

  it('gives the old Pali-Sanskrit spelling for words ending in a silent ร', () => {
    expect(thaiSpellings('ชินวัตร')).toEqual(['CHINWAT', 'CHINAWATRA']);
    expect(romanizeThaiWord('สมชาย').sanskrit).toBeNull();
  });

  it('never throws and gives Latin letters only for odd input', () => {
    for (const w of ['์', 'เ', 'ๆ', 'ฤ', 'กกกกกกกกกก', 'เเเ', '่้', 'ก์ข์']) {
      for (const s of thaiSpellings(w)) expect(s).toMatch(/^[A-Z]*$/);
    }
  });
});

describe('screening Latin passport names against Thai-script list names', () => {
  let store: WatchlistStore;
  let cleanup: () => void;
  beforeAll(() => {
    ({ store, cleanup } = tempStore());
    store.importEntries([
      person('th:somchai', ['สมชาย ใจดี'], { birthDates: ['1969-01-01'], nationalities: ['THA'] }),
      person('th:srettha', ['เศรษฐา ทวีสิน'], { birthDates: ['1962-02-15'], nationalities: ['THA'] }),
      person('th:yingluck', ['ยิ่งลักษณ์ ชินวัตร'], { birthDates: ['1967-06-21'], nationalities: ['THA'] }),
      person('th:thaksin', ['ทักษิณ ชินวัตร'], { birthDates: ['1949-07-26'], nationalities: ['THA'] }),
      person('th:pairoj', ['ไพโรจน์ สุนทร'], { birthDates: ['1975-03-03'], nationalities: ['THA'] }),
    ]);
  });
  afterAll(() => cleanup());
  const hit = (q: Parameters<WatchlistStore['screen']>[0], id: string) => store.screen(q).hits.find((h) => h.id === id);

  it.each([
    ['JAIDEE', 'SOMCHAI', '1969-01-01', 'th:somchai'],
    ['THAVISIN', 'SRETTHA', '1962-02-15', 'th:srettha'],
    ['SHINAWATRA', 'YINGLUCK', '1967-06-21', 'th:yingluck'],
    ['SHINAWATRA', 'THAKSIN', '1949-07-26', 'th:thaksin'],
    ['SUNTHORN', 'PAIROJ', '1975-03-03', 'th:pairoj'],
    ['SUNTHON', 'PHAIROT', '1975-03-03', 'th:pairoj'],
  ])('%s %s (born %s) is a hit on %s', (surname, givenNames, birthDate, id) => {
    const h = hit({ surname, givenNames, birthDate, nationality: 'THA' }, id);
    expect(h?.band).toBe('hit');
    expect(h!.score).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the names without a birth date too (hit or possible)', () => {
    expect(hit({ surname: 'SHINAWATRA', givenNames: 'THAKSIN' }, 'th:thaksin')?.band).toBe('hit');
    expect(hit({ surname: 'JAIDEE', givenNames: 'SOMCHAI' }, 'th:somchai')?.score).toBeGreaterThanOrEqual(0.86);
    expect(hit({ surname: 'THAVISIN', givenNames: 'SRETTHA' }, 'th:srettha')).toBeDefined();
  });

  it('does not confuse different Thai people sharing a surname', () => {
    const h = hit({ surname: 'SHINAWATRA', givenNames: 'YINGLUCK', birthDate: '1967-06-21' }, 'th:thaksin');
    expect(h?.band).not.toBe('hit');
  });

  it('explains the pairing against the romanised list name', () => {
    const h = hit({ surname: 'JAIDEE', givenNames: 'SOMCHAI', birthDate: '1969-01-01' }, 'th:somchai')!;
    expect(h.reasons.join(' ')).toMatch(/SOMCHAI = SOMCHAI/);
    expect(h.reasons.join(' ')).toMatch(/JAIDEE = JAIDEE/);
  });
});
