import type { Language } from '../types.js';
import {
  type ClassifiedEventType,
  classifiedEventTypes,
  type EnglishGlossary,
  type EventType,
  eventTypes,
} from './glossary.js';
import { findEvidenceHits, type GlossaryHit } from './glossary-hits.js';

/**
 * The event a report is about (`classifyEvent({title, body, lang}, glossary)`): seizure, arrest, raid/operation,
 * liquidation of a laboratory, destruction of seized drugs, prevention event, meeting/cooperation, legislation,
 * statistics, sentencing, or `other`.
 *
 * Each event word of config/glossary/events.yaml found in the title or body adds its weight to its type: a word
 * counts at most `count_cap` times per field, title hits `title_multiplier` times. The type with the highest score
 * wins (ties: the order of `eventTypes`, the more specific first); below `threshold` the report is `other`.
 * The evidence is every hit of the winning type, so the analyst sees why.
 *
 * A report without a title (a Telegram post) is read as the post's readers read it: its first line, or its first
 * sentence, is its headline (`field: 'lead'`, weighed like a title; offsets into the body).
 */

export interface EventEvidence {
  /** `lead`: the first line of a body without a title; its offsets, like those of `body`, are into the body. */
  field: 'title' | 'lead' | 'body';
  hit: GlossaryHit;
}

export interface EventClassification {
  type: EventType;
  /** 0..1: the winner's share of the two best scores, 0 for `other`. */
  confidence: number;
  scores: Readonly<Record<ClassifiedEventType, number>>;
  evidence: EventEvidence[];
  /** Every glossary hit of title and body (agencies, audiences, persons too), for the suggestion. */
  hits: EventEvidence[];
}

export interface ClassifiableItem {
  title?: string | undefined;
  body: string;
  lang: Language;
}

function scoreHits(
  hits: readonly EventEvidence[],
  glossary: EnglishGlossary,
): Record<ClassifiedEventType, number> {
  const scores = Object.fromEntries(classifiedEventTypes.map((type) => [type, 0])) as Record<
    ClassifiedEventType,
    number
  >;
  const counts = new Map<string, number>();
  for (const { field, hit } of hits) {
    const { type, weight, id } = hit.entry;
    if (!type || weight === 0) continue;
    const key = `${field}:${id}`;
    const seen = counts.get(key) ?? 0;
    if (seen >= glossary.countCap) continue;
    counts.set(key, seen + 1);
    scores[type] += weight * (field === 'body' ? 1 : glossary.titleMultiplier);
  }
  return scores;
}

const MAX_LEAD = 250;

/** Where the headline of a body without a title ends: after its first line, else its first sentence (0: none). */
export function leadLength(body: string): number {
  const start = body.length - body.trimStart().length;
  const lineEnd = body.indexOf('\n', start);
  const firstLine = lineEnd === -1 ? body.length : lineEnd;
  if (firstLine - start <= MAX_LEAD && firstLine < body.length) return firstLine;
  const sentence = /[.!?…](?=\s)/u.exec(body.slice(start, start + MAX_LEAD));
  return sentence ? start + sentence.index + 1 : 0;
}

function evidenceOf(item: ClassifiableItem, glossary: EnglishGlossary): EventEvidence[] {
  const find = (text: string) => findEvidenceHits(text, item.lang, glossary);
  if (item.title?.trim()) {
    return [
      ...find(item.title).map((hit) => ({ field: 'title' as const, hit })),
      ...find(item.body).map((hit) => ({ field: 'body' as const, hit })),
    ];
  }
  const lead = leadLength(item.body);
  const shift = (hit: GlossaryHit) => ({ ...hit, start: hit.start + lead, end: hit.end + lead });
  return [
    ...find(item.body.slice(0, lead)).map((hit) => ({ field: 'lead' as const, hit })),
    ...find(item.body.slice(lead)).map((hit) => ({ field: 'body' as const, hit: shift(hit) })),
  ];
}

export function classifyEvent(item: ClassifiableItem, glossary: EnglishGlossary): EventClassification {
  const hits = evidenceOf(item, glossary);
  const scores = scoreHits(hits, glossary);
  const ranked = [...classifiedEventTypes].sort(
    (a, b) => scores[b] - scores[a] || eventTypes.indexOf(a) - eventTypes.indexOf(b),
  );
  const [best, second] = ranked as [ClassifiedEventType, ClassifiedEventType];
  if (scores[best] < glossary.threshold) {
    return { type: 'other', confidence: 0, scores, evidence: [], hits };
  }
  const confidence = scores[best] / (scores[best] + Math.max(0, scores[second]));
  return {
    type: best,
    confidence,
    scores,
    evidence: hits.filter(({ hit }) => hit.entry.type === best && hit.entry.weight > 0),
    hits,
  };
}
