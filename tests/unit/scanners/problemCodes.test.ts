import { describe, expect, it } from 'vitest';
import { parseMrz } from '../../../electron/core/mrz';
import { LineDecoder, RteDecoder, StxEtxDecoder, type DecoderOutput } from '../../../electron/core/scanners/framing';
import { READER_PROBLEM_CODES } from '../../../electron/core/scanners/types';
import { interpretZone } from '../../../electron/core/scanners/zone';
import { en } from '../../../renderer/src/i18n/en';

type Problem = Extract<DecoderOutput, { kind: 'problem' }>;
const problems = (outs: DecoderOutput[]) => outs.filter((o): o is Problem => o.kind === 'problem');
const say = (reason: string, params: Record<string, string | number>) =>
  (en as Record<string, string>)[`readerProblem.${reason}`]!.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));

const STX = '\x02';
const ETX = '\x03';
const b = (s: string) => Buffer.from(s, 'latin1');

describe('reader problems carry a code the screens can say', () => {
  it('gives each framing problem a listed code whose English sentence, with its values, is the core message', () => {
    const stx = () => new StxEtxDecoder();
    const seen: Problem[] = [
      ...problems(stx().push(b(`${STX}P<UTO${STX}P<UTO${ETX}`))),
      ...problems(stx().push(b(`${STX}${ETX}`))),
      ...problems(stx().push(b(`${STX}${Array.from({ length: 9 }, (_, i) => `L${i}`).join('\r')}${ETX}`))),
      ...problems(stx().push(b(`${STX}${'A'.repeat(2000)}`))),
      ...(() => {
        const d = stx();
        d.push(b(`${STX}half`));
        return problems(d.idle());
      })(),
      ...(() => {
        const d = stx();
        return problems([...d.push(b('noise')), ...d.push(b(`${STX}x${ETX}`)), ...d.idle()]);
      })(),
      ...problems(new LineDecoder().push(b('B'.repeat(300)))),
      ...(() => {
        const d = new RteDecoder();
        return problems([...d.push(b('stray bytes')), ...d.idle()]);
      })(),
    ];
    const reasons = seen.map((p) => p.reason);
    for (const r of ['frame_restarted', 'frame_empty', 'frame_too_many_lines', 'frame_no_etx', 'frame_cut', 'stray_bytes_frame', 'line_too_long', 'stray_bytes_block']) expect(reasons).toContain(r);
    for (const p of seen) {
      expect(READER_PROBLEM_CODES).toContain(p.reason);
      expect({ reason: p.reason, said: say(p.reason, p.params) }).toEqual({ reason: p.reason, said: p.message });
    }
  });

  it('names what was read, never its content, when it is not a zone', () => {
    const outcome = interpretZone(['HELLO FROM A BARCODE', 'NOT A ZONE'], parseMrz);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problem).toMatchObject({ code: 'not_a_zone', reason: 'not_zone_length', params: { lines: 2, lengths: '20/10' } });
    expect(say(outcome.problem.reason, outcome.problem.params)).not.toMatch(/HELLO|BARCODE/);
    expect(interpretZone(['ONE LINE ONLY'], parseMrz)).toMatchObject({ problem: { reason: 'not_zone_lines', params: { lines: 1, lengths: '13' } } });
  });
});
