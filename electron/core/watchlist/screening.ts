/**
 * Turns candidate list entries into scored, explained results for one traveller: the best name
 * comparison over all list names, adjusted by birth date, nationality and gender, plus exact
 * document matches. Only results in the `hit` or `possible` band are returned.
 */
import type { ScreeningConfig } from './config';
import { compareNames, type NameComparison } from './nameMatch';
import { decodeForms, type NameToken } from './names';
import { birthDateQualifier, genderQualifier, nationalityQualifier, type Qualifier } from './qualifiers';
import { issuingStateKey } from './documents';
import type { ReasonCode, ScreeningQuery } from './types';

export interface CandidateRow {
  rid: number;
  id: string;
  kind: string;
  names: string;
  births: string;
  nats: string;
  gender: string;
}

export interface ScoredCandidate {
  rid: number;
  id: string;
  score: number;
  band: 'hit' | 'possible';
  reasons: string[];
  reasonCodes: ReasonCode[];
}

const round = (n: number) => Math.round(n * 100) / 100;
const split = (s: string) => (s ? s.split(';') : []);

function describeName(c: NameComparison): string[] {
  const parts = c.pairs.map((p) => (p.kind === 'exact' ? `${p.query} = ${p.list}` : `${p.query} ~ ${p.list} (${p.kind} ${round(p.sim)})`));
  const out = [`name ${round(c.score)}: ${parts.join(', ')}`];
  if (c.unmatchedQuery.length) out.push(`traveller name parts not on the list: ${c.unmatchedQuery.join(' ')}`);
  if (c.unmatchedList.length) out.push(`list name parts not given by the traveller: ${c.unmatchedList.join(' ')}`);
  return out;
}

function nameCodes(c: NameComparison): ReasonCode[] {
  const out: ReasonCode[] = [{ code: 'name_score', params: { score: round(c.score) } }];
  for (const p of c.pairs)
    out.push(p.kind === 'exact' ? { code: 'name_pair_exact', params: { query: p.query, list: p.list } } : { code: 'name_pair', params: { query: p.query, list: p.list, kind: p.kind, sim: round(p.sim) } });
  if (c.unmatchedQuery.length) out.push({ code: 'name_unmatched_traveller', params: { parts: c.unmatchedQuery.join(' ') } });
  if (c.unmatchedList.length) out.push({ code: 'name_unmatched_list', params: { parts: c.unmatchedList.join(' ') } });
  return out;
}

export function screenCandidates(
  query: ScreeningQuery,
  queryForms: NameToken[][],
  rows: CandidateRow[],
  docNum: string,
  docHits: Map<number, string>,
  config: ScreeningConfig,
): ScoredCandidate[] {
  const out: ScoredCandidate[] = [];
  const queryState = issuingStateKey(query.issuingState);
  for (const row of rows) {
    let score = 0;
    const reasons: string[] = [];
    const reasonCodes: ReasonCode[] = [];
    let forcedBand: 'hit' | 'possible' | null = null;

    // Documents: the number (normalised) and the issuing state must both agree for a hit.
    const listState = docHits.get(row.rid);
    if (listState !== undefined) {
      if (listState && queryState && listState === queryState) {
        score = 1;
        forcedBand = 'hit';
        reasons.push(`document ${docNum} issued by ${listState} is listed${row.kind === 'document' ? ' as lost or stolen' : ' for this person'}`);
        reasonCodes.push({ code: row.kind === 'document' ? 'document_lost_stolen' : 'document_listed_person', params: { number: docNum, state: listState } });
      } else if (!listState || !queryState) {
        score = Math.max(score, config.possibleThreshold);
        forcedBand = 'possible';
        reasons.push(`document number ${docNum} is listed; issuing state ${queryState || 'not given by the traveller'} vs ${listState || 'not given by the list'}: check`);
        // An empty state means "not given" on that side.
        reasonCodes.push({ code: 'document_number_listed', params: { number: docNum, travellerState: queryState, listState } });
      }
      // Same number from another issuing state: a different document, not a hit.
    }

    if (row.kind === 'person' && queryForms.length && row.names) {
      let best: NameComparison | null = null;
      for (const lf of decodeForms(row.names))
        for (const qf of queryForms) {
          const c = compareNames(qf, lf);
          if (!best || c.score > best.score) best = c;
        }
      if (best && best.score > 0.5) {
        const qualifiers: Qualifier[] = [];
        const b = birthDateQualifier(query.birthDate, split(row.births), config.qualifiers);
        if (b) qualifiers.push(b);
        const n = nationalityQualifier(query.nationality, split(row.nats), config.qualifiers);
        if (n) qualifiers.push(n);
        const g = genderQualifier(query.sex, row.gender, config.qualifiers);
        if (g) qualifiers.push(g);
        const nameScore = Math.max(0, Math.min(1, best.score + qualifiers.reduce((a, q) => a + q.delta, 0)));
        if (nameScore >= config.possibleThreshold) {
          reasons.push(...describeName(best));
          for (const q of qualifiers) reasons.push(`${q.reason} (${q.delta > 0 ? '+' : ''}${round(q.delta)})`);
          reasonCodes.push(...nameCodes(best));
          for (const q of qualifiers) reasonCodes.push({ code: q.code, params: { ...q.params, delta: round(q.delta) } });
          if (nameScore > score) {
            score = nameScore;
            if (forcedBand !== 'hit') forcedBand = null;
          }
        }
      }
    }
    // Bands are decided on the score as reported, so that a reported score at the threshold is in its band.
    const shown = round(score);
    if (shown < config.possibleThreshold) continue;
    const band = forcedBand ?? (shown >= config.hitThreshold ? 'hit' : 'possible');
    out.push({ rid: row.rid, id: row.id, score: shown, band, reasons, reasonCodes });
  }
  out.sort((a, b) => (a.band === b.band ? b.score - a.score : a.band === 'hit' ? -1 : 1));
  return out.slice(0, config.maxResults);
}
