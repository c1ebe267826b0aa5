import type { GlossaryTerms } from '../drug-glossary.js';
import type { Token } from '../text/tokens.js';
import type { DetectedLanguage } from '../types.js';

/**
 * What happened to the amounts of a sentence:
 * - `seizure`: seized, found, intercepted — or nothing said (a headline's "7 kg of heroin in Baku");
 * - `destroyed`: burned or destroyed drugs are not seizures (`сожжено`, `məhv edilib`, `yoʻq qilindi`);
 * - `statistics`: a period's total (`с начала года`, `yil boshidan buyon`, `over nine months`), kept apart so that
 *   the month's seizures are not counted twice.
 * Each amount takes the nearest event word of its sentence — in the languages that put the verb last the one after
 * it first, in Russian and English the one before it first: "burned 2 t …, including 350 kg of opium seized by
 * the police" is a destruction. A seizure word after `previously` (`ранее`, `қаблан`, `avval`) or before an agent
 * (`seized by`) tells an earlier seizure and decides nothing. A statistics cue anywhere in the sentence makes its
 * seized amounts statistics. A sentence opening with `в том числе`, `including`, `jumladan` and without an event
 * word of its own continues the one before.
 */
export type AmountFate = 'seizure' | 'destroyed' | 'statistics';

const VERB_LAST: ReadonlySet<DetectedLanguage> = new Set(['kaz', 'kir', 'uzb', 'tgk', 'tuk', 'aze']);
const PREVIOUSLY_REACH = 2;

interface EventWord {
  at: number;
  kind: 'seizure' | 'destroyed';
}

export interface SentenceContext {
  events: EventWord[];
  statistics: boolean;
  /** Set when the sentence continues the one before and has no event of its own. */
  inherited?: AmountFate;
}

function cancelled(tokens: readonly Token[], terms: GlossaryTerms, at: number, end: number): boolean {
  for (let i = Math.max(0, at - PREVIOUSLY_REACH); i < at; i++) {
    if (terms.previously.has(tokens, i)) return true;
  }
  return terms.agent.has(tokens, end);
}

function eventWords(tokens: readonly Token[], terms: GlossaryTerms, start: number, end: number): EventWord[] {
  const destroyed = terms.destruction
    .findAll(tokens, start, end)
    .map((match) => ({ at: match.start, kind: 'destroyed' as const }));
  const seized = terms.seizure
    .findAll(tokens, start, end)
    .filter((match) => !cancelled(tokens, terms, match.start, match.end))
    .filter((match) => !destroyed.some((word) => word.at === match.start))
    .map((match) => ({ at: match.start, kind: 'seizure' as const }));
  return [...destroyed, ...seized].sort((a, b) => a.at - b.at);
}

/** The context of each sentence, in order (a sentence may take over the fate of the one before). */
export function sentenceContexts(
  tokens: readonly Token[],
  terms: GlossaryTerms,
  sentences: ReadonlyArray<readonly [number, number]>,
): SentenceContext[] {
  const contexts: SentenceContext[] = [];
  for (const [start, end] of sentences) {
    const events = eventWords(tokens, terms, start, end);
    const statistics = terms.statistics.findAll(tokens, start, end).length > 0;
    const previous = contexts.at(-1);
    const continues = terms.continuation.has(tokens, start) && events.length === 0 && !statistics;
    contexts.push({
      events,
      statistics,
      ...(continues && previous ? { inherited: fateOfSentence(previous) } : {}),
    });
  }
  return contexts;
}

/** The fate a following sentence takes over: its destruction or statistics, else seizure. */
function fateOfSentence(context: SentenceContext): AmountFate {
  if (context.inherited) return context.inherited;
  if (context.events.some((event) => event.kind === 'destroyed')) return 'destroyed';
  return context.statistics ? 'statistics' : 'seizure';
}

/** The nearest event word to an amount at [start, end), the preferred side first. */
function nearestEvent(
  context: SentenceContext,
  lang: DetectedLanguage,
  start: number,
  end: number,
): EventWord | undefined {
  const after = context.events.filter((event) => event.at >= end);
  const before = context.events.filter((event) => event.at < start).reverse();
  return VERB_LAST.has(lang) ? (after[0] ?? before[0]) : (before[0] ?? after[0]);
}

export function fateOfAmount(
  context: SentenceContext,
  lang: DetectedLanguage,
  start: number,
  end: number,
): AmountFate {
  if (context.inherited) return context.inherited;
  const event = nearestEvent(context, lang, start, end);
  if (event?.kind === 'destroyed') return 'destroyed';
  return context.statistics ? 'statistics' : 'seizure';
}
