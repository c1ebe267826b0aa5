import { transliterate } from '../text/transliterate.js';
import type { Language } from '../types.js';
import { listPhrases, seizurePhrase } from './amounts.js';
import { classifyEvent, type EventClassification, type EventEvidence } from './event-type.js';
import type { Seizure, SeizureFacts } from './facts.js';
import { knownPlaceToEnglish, placeInText } from './gazetteer-english.js';
import type { Agency, ClassifiedEventType, EnglishGlossary, EventType } from './glossary.js';
import { findGlossaryHits } from './glossary-hits.js';
import type { PlaceToEnglish } from './place-names.js';

/**
 * An English title and gist for an item that has no English report, built from the item itself:
 *
 *   suggestEnglish({title, body, lang, facts?, publishedAt?, sourceName?}, glossary, options?)
 *     → {title, body, provenance: 'template', eventType, factsUsed, confidence} | undefined
 *
 * The event type (`classifyEvent`), the place (`facts.place` through `options.placeToEnglish`, default: exonyms, the
 * gazetteer's English names with the ending taken off, else transliteration), the agencies, audience and persons named in the text (config/glossary), the seized amounts,
 * the people detained, the operation and article (`facts`, the contract of the facts stage), the publication date
 * and the source fill the house style of the release: a capitalised title ("IN BAKU, 3 KG OF HEROIN WERE
 * SEIZED", "POLICE OFFICERS IN SMOLENSK HELD A PREVENTIVE LECTURE FOR SCHOOLCHILDREN") and a paragraph of plain
 * sentences. Nothing is invented: every figure and name comes from the item, a phrase whose fact is unknown is
 * left out, and when the type is `other` or too little is known for a title (a seizure without a substance, a
 * law without a verb) the answer is undefined. `factsUsed` lists every piece with its original and its English,
 * so the reviewer can check them. Pure: no I/O, the glossary is passed in.
 */

export interface SuggestionItem {
  title?: string | undefined;
  body: string;
  lang: Language;
  facts?: SeizureFacts | undefined;
  publishedAt?: Date | string | undefined;
  /** The source's name in Latin letters ("Report.az"); a name in another script is left out. */
  sourceName?: string | undefined;
  /** The member state the item is about (its `country`): a place found in the text must be in it. */
  country?: string | null | undefined;
}

export interface SuggestOptions {
  placeToEnglish?: PlaceToEnglish;
  /** The time zone of the publication date (the source's), default UTC. */
  timeZone?: string;
  /** A classification already made for this item (else it is computed). */
  classification?: EventClassification;
}

export type FactKind =
  | 'event'
  | 'place'
  | 'agency'
  | 'seizure'
  | 'detained'
  | 'operation'
  | 'article'
  | 'audience'
  | 'person'
  | 'period'
  | 'wording'
  | 'date'
  | 'source';

export interface FactUsed {
  fact: FactKind;
  /** As the item has it (a word of the text, a field of the facts). */
  original: string;
  english: string;
}

export interface EnglishSuggestion {
  title: string;
  body: string;
  provenance: 'template';
  /** `other` for the plain suggestion of a report no event type fits. */
  eventType: EventType;
  factsUsed: FactUsed[];
  /** 0..1: the classification's confidence, lowered when few facts are known. */
  confidence: number;
}

type Style = 'title' | 'body';

interface Noun {
  english: string;
  plural: boolean;
}

interface Context {
  type: ClassifiedEventType;
  place: string | undefined;
  /** The first agency that has officers who act, for "POLICE OFFICERS IN SMOLENSK …". */
  actor: Agency | undefined;
  agencies: Agency[];
  legislature: Agency | undefined;
  seizures: Seizure[];
  detained: number | undefined;
  operation: string | undefined;
  article: string | undefined;
  noun: Noun | undefined;
  verb: string | undefined;
  audience: string | undefined;
  person: { singular: string; plural: string } | undefined;
  period: string | undefined;
  defaults: { noun: Noun | undefined; verb: string | undefined };
}

const capitalise = (text: string) => (text === '' ? text : text[0]!.toUpperCase() + text.slice(1));
const article = (phrase: string) => (/^[aeiou]/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`);
const withArticle = (noun: Noun) => (noun.plural ? noun.english : article(noun.english));
const verbBe = (plural: boolean) => (plural ? 'were' : 'was');

/** Agencies named in a title by their short form (MVD), in a body by their name (the Ministry … (MVD)). */
function agencyName(agency: Agency, style: Style): string {
  if (style === 'title') return agency.short ?? agency.english;
  if (agency.short === agency.english) return agency.english;
  const acronym = agency.short !== undefined && agency.short === agency.short.toUpperCase();
  return `the ${acronym ? `${agency.english} (${agency.short})` : agency.english}`;
}

function seizureList(ctx: Context, style: Style): string {
  const phrases = ctx.seizures.map(seizurePhrase);
  return style === 'title' && phrases.length > 2
    ? listPhrases(phrases.slice(0, 2), true)
    : listPhrases(phrases);
}

/** The house style says "3 KG OF HEROIN WERE SEIZED"; a single bare substance or single item takes "was". */
function seizuresPlural(seizures: readonly Seizure[]): boolean {
  if (seizures.length > 1) return true;
  const [only] = seizures;
  if (!only) return true;
  if (only.count !== undefined) return only.count !== 1;
  return only.grams !== undefined && only.grams !== 1;
}

const inPlace = (ctx: Context) => (ctx.place ? ` in ${ctx.place}` : '');
const placeFirst = (ctx: Context) => (ctx.place ? `In ${ctx.place}, ` : '');

function seizureLead(ctx: Context, style: Style): string | undefined {
  if (ctx.seizures.length === 0) return undefined;
  const list = seizureList(ctx, style);
  if (!ctx.place && ctx.actor?.actor) return `${capitalise(ctx.actor.actor)} seized ${list}`;
  return capitalise(`${placeFirst(ctx)}${list} ${verbBe(seizuresPlural(ctx.seizures))} seized`);
}

function arrestLead(ctx: Context, style: Style): string | undefined {
  const withDrugs = ctx.seizures.length > 0 ? ` with ${seizureList(ctx, style)}` : '';
  if (ctx.detained !== undefined && ctx.detained > 0) {
    const singular = ctx.person?.singular ?? 'suspect';
    const plural = ctx.person?.plural ?? 'suspects';
    const who = ctx.detained === 1 ? article(singular) : `${ctx.detained} ${plural}`;
    if (!ctx.place && ctx.actor?.actor) return `${capitalise(ctx.actor.actor)} detained ${who}${withDrugs}`;
    return capitalise(`${placeFirst(ctx)}${who} ${verbBe(ctx.detained !== 1)} detained${withDrugs}`);
  }
  if (ctx.seizures.length > 0) {
    const list = seizureList(ctx, style);
    return capitalise(
      `${placeFirst(ctx)}${list} ${verbBe(seizuresPlural(ctx.seizures))} seized during an arrest`,
    );
  }
  return ctx.place ? `A drug-related arrest was made${inPlace(ctx)}` : undefined;
}

function actorPhrase(ctx: Context): string | undefined {
  return ctx.actor?.actor ? `${capitalise(ctx.actor.actor)}${inPlace(ctx)}` : undefined;
}

function raidLead(ctx: Context): string | undefined {
  const noun = ctx.noun ?? ctx.defaults.noun ?? { english: 'raid', plural: false };
  const what = ctx.operation
    ? `operation “${ctx.operation}”`
    : noun.plural
      ? `anti-drug ${noun.english}`
      : article(`anti-drug ${noun.english}`);
  const actor = actorPhrase(ctx);
  if (actor) return `${actor} conducted ${what}`;
  if (!ctx.place) return undefined;
  return `${capitalise(what)} ${verbBe(!ctx.operation && noun.plural)} conducted${inPlace(ctx)}`;
}

function laboratoryLead(ctx: Context, style: Style): string | undefined {
  const verb = ctx.defaults.verb ?? 'liquidated';
  const seized =
    ctx.seizures.length > 0
      ? `, and ${seizureList(ctx, style)} ${verbBe(seizuresPlural(ctx.seizures))} seized`
      : '';
  const actor = actorPhrase(ctx);
  if (actor) return `${actor} ${verb} a drug laboratory${seized}`;
  if (!ctx.place && ctx.seizures.length === 0) return undefined;
  return capitalise(`${placeFirst(ctx)}a drug laboratory was ${verb}${seized}`);
}

function destructionLead(ctx: Context, style: Style): string | undefined {
  const verb = ctx.verb ?? ctx.defaults.verb ?? 'destroyed';
  if (ctx.seizures.length > 0) {
    const list = seizureList(ctx, style);
    return capitalise(`${placeFirst(ctx)}${list} ${verbBe(seizuresPlural(ctx.seizures))} ${verb}`);
  }
  if (!ctx.place) return undefined;
  return `${placeFirst(ctx)}seized drugs were ${verb}`;
}

function preventionLead(ctx: Context): string | undefined {
  const noun = ctx.noun ?? ctx.defaults.noun;
  if (!noun || (!ctx.noun && !ctx.place && !ctx.actor?.actor)) return undefined;
  const audience = ctx.audience ? ` for ${ctx.audience}` : '';
  const actor = actorPhrase(ctx);
  if (actor) return `${actor} held ${withArticle(noun)}${audience}`;
  return capitalise(`${placeFirst(ctx)}${withArticle(noun)} ${verbBe(noun.plural)} held${audience}`);
}

function meetingLead(ctx: Context, style: Style): string | undefined {
  const signed = ctx.verb === 'signed';
  const noun =
    ctx.noun && (signed || !/memorandum|agreement/.test(ctx.noun.english)) ? ctx.noun : ctx.defaults.noun;
  const participants = ctx.agencies.filter((agency) => agency.kind !== 'court').slice(0, 2);
  if (!noun || (participants.length === 0 && !ctx.place)) return undefined;
  const verb = /memorandum|agreement/.test(noun.english) ? 'signed' : 'held';
  const names = listPhrases(participants.map((agency) => agencyName(agency, style)));
  const by = participants.length > 0 ? ` with the participation of ${names}` : '';
  return `${capitalise(withArticle(noun))} on countering drug trafficking ${verbBe(noun.plural)} ${verb}${inPlace(ctx)}${by}`;
}

function legislationLead(ctx: Context, style: Style): string | undefined {
  const noun = ctx.noun ?? ctx.defaults.noun;
  if (!noun || !ctx.verb) return undefined;
  const what = `${withArticle(noun)} on combating drugs`;
  if (ctx.legislature) {
    return capitalise(`${placeFirst(ctx)}${agencyName(ctx.legislature, style)} ${ctx.verb} ${what}`);
  }
  return capitalise(`${placeFirst(ctx)}${what} ${verbBe(noun.plural)} ${ctx.verb}`);
}

function statisticsLead(ctx: Context, style: Style): string | undefined {
  const period = ctx.period ? ` ${ctx.period}` : '';
  if (ctx.seizures.length > 0) {
    const list = seizureList(ctx, style);
    return capitalise(`${placeFirst(ctx)}${list} ${verbBe(seizuresPlural(ctx.seizures))} seized${period}`);
  }
  const source = ctx.agencies[0];
  if (!source) return undefined;
  return `${capitalise(agencyName(source, style))} reported anti-drug figures${inPlace(ctx)}${period}`;
}

function courtLead(ctx: Context, style: Style): string | undefined {
  if (!ctx.place && ctx.seizures.length === 0 && !ctx.person) return undefined;
  const who = article(ctx.person?.singular ?? 'defendant');
  const drugs = ctx.seizures.length > 0 ? ` in a case involving ${seizureList(ctx, style)}` : '';
  return capitalise(`${placeFirst(ctx)}a court sentenced ${who}${drugs}`);
}

function leadOf(ctx: Context, style: Style): string | undefined {
  switch (ctx.type) {
    case 'seizure':
      return seizureLead(ctx, style);
    case 'arrest':
      return arrestLead(ctx, style);
    case 'raid':
      return raidLead(ctx);
    case 'laboratory':
      return laboratoryLead(ctx, style);
    case 'destruction':
      return destructionLead(ctx, style);
    case 'prevention':
      return preventionLead(ctx);
    case 'meeting':
      return meetingLead(ctx, style);
    case 'legislation':
      return legislationLead(ctx, style);
    case 'statistics':
      return statisticsLead(ctx, style);
    case 'court':
      return courtLead(ctx, style);
  }
}

/** Which facts the lead sentence of each type already carries. */
const LEAD_CARRIES: Readonly<
  Record<ClassifiedEventType, { seizures: boolean; detained: boolean; operation: boolean }>
> = {
  seizure: { seizures: true, detained: false, operation: false },
  arrest: { seizures: true, detained: true, operation: false },
  raid: { seizures: false, detained: false, operation: true },
  laboratory: { seizures: true, detained: false, operation: false },
  destruction: { seizures: true, detained: false, operation: false },
  prevention: { seizures: false, detained: false, operation: false },
  meeting: { seizures: false, detained: false, operation: false },
  legislation: { seizures: false, detained: false, operation: false },
  statistics: { seizures: true, detained: false, operation: false },
  court: { seizures: true, detained: false, operation: false },
};

/** Formatters by time zone: building one costs more than the rest of a suggestion. */
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

function formatDate(value: Date | string | undefined, timeZone: string): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  let format = DATE_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
    DATE_FORMATS.set(timeZone, format);
  }
  return format.format(date);
}

const isLatinName = (name: string) =>
  /\p{L}/u.test(name) && !/[^\p{Script=Latin}\p{N}\s.,'’&()-]/u.test(name);

function bodySentences(ctx: Context, item: SuggestionItem, lead: string, timeZone: string): string[] {
  const carries = LEAD_CARRIES[ctx.type];
  const sentences = [`${lead}.`];
  const arrestCarriesDetained = carries.detained && ctx.detained !== undefined && ctx.detained > 0;
  if (!carries.seizures && ctx.seizures.length > 0) {
    sentences.push(`The report also mentions the seizure of ${seizureList(ctx, 'body')}.`);
  }
  if (!arrestCarriesDetained && ctx.detained !== undefined && ctx.detained > 0) {
    const people = ctx.detained === 1 ? '1 person was' : `${ctx.detained} people were`;
    sentences.push(`The report says that ${people} detained.`);
  }
  if (ctx.operation && !(carries.operation && ctx.type === 'raid')) {
    sentences.push(`The report refers to operation “${ctx.operation}”.`);
  }
  if (ctx.article) sentences.push(`The report cites Article ${ctx.article} of the Criminal Code.`);
  // "The report names the police" says nothing: generic police are left out of the list.
  const named = ctx.agencies
    .filter((agency) => agency.id !== 'police')
    .slice(0, 4)
    .map((agency) => agencyName(agency, 'body'));
  if (named.length > 0) sentences.push(`The report names ${listPhrases(named)}.`);
  const date = formatDate(item.publishedAt, timeZone);
  const source = item.sourceName && isLatinName(item.sourceName) ? item.sourceName.trim() : undefined;
  if (source || date) {
    sentences.push(`Published${source ? ` by ${source}` : ''}${date ? ` on ${date}` : ''}.`);
  }
  return sentences;
}

function firstHits(classification: EventClassification, kind: string): EventEvidence[] {
  // Title (or lead) hits first, then the body's, each in reading order.
  const order = (field: EventEvidence['field']) => (field === 'body' ? 1 : 0);
  return classification.hits
    .filter(({ hit }) => hit.kind === kind)
    .sort((a, b) => order(a.field) - order(b.field) || a.hit.start - b.hit.start);
}

/** The strongest word of the type in a role (title hits first at equal weight). */
function bestWord(classification: EventClassification, role: string): EventEvidence | undefined {
  const order = (field: EventEvidence['field']) => (field === 'body' ? 1 : 0);
  return classification.evidence
    .filter(({ hit }) => hit.entry.role === role)
    .sort((a, b) => b.hit.entry.weight - a.hit.entry.weight || order(a.field) - order(b.field))[0];
}

function uniqueAgencies(hits: readonly EventEvidence[]): Agency[] {
  const seen = new Map<string, Agency>();
  for (const { hit } of hits) {
    const agency = hit.entry.agency;
    if (agency && !seen.has(agency.id)) seen.set(agency.id, agency);
  }
  return [...seen.values()];
}

function buildContext(
  item: SuggestionItem,
  classification: EventClassification & { type: ClassifiedEventType },
  glossary: EnglishGlossary,
  placeToEnglish: PlaceToEnglish,
  used: FactUsed[],
): Context {
  const facts = item.facts;
  const agencyHits = firstHits(classification, 'agency');
  const agencies = uniqueAgencies(agencyHits);
  const actor = agencies.find((agency) => agency.actor !== undefined);
  const audienceHit = firstHits(classification, 'audience')[0];
  const personHit = firstHits(classification, 'person')[0];
  const nounHit = bestWord(classification, 'noun');
  const verbHit = bestWord(classification, 'action');
  const periodHit = bestWord(classification, 'period');
  const info = glossary.types.get(classification.type);
  // A place nobody knows is left out rather than guessed; the text's first known place stands in for it.
  const factPlace = facts?.place?.trim() ? placeToEnglish(facts.place.trim(), item.lang) : undefined;
  const textPlace = factPlace ? undefined : placeInText([item.title, item.body], item.lang, item.country);
  const place = factPlace ?? textPlace?.english;
  const operation = facts?.operation?.trim() ? transliterate(facts.operation.trim(), item.lang) : undefined;

  used.push({ fact: 'event', original: classification.type, english: info?.label ?? classification.type });
  if (factPlace && facts?.place) used.push({ fact: 'place', original: facts.place, english: factPlace });
  if (textPlace) used.push({ fact: 'place', original: textPlace.original, english: textPlace.english });
  for (const { hit } of agencyHits) {
    if (
      hit.entry.agency &&
      !used.some((fact) => fact.fact === 'agency' && fact.english === hit.entry.english)
    ) {
      used.push({ fact: 'agency', original: hit.text, english: hit.entry.english });
    }
  }
  // A statistics report's totals are kept apart by the facts stage (`statistics`): they are its amounts.
  const amounts =
    classification.type === 'statistics' && (facts?.seizures.length ?? 0) === 0
      ? (facts?.statistics ?? [])
      : (facts?.seizures ?? []);
  for (const seizure of amounts) {
    const amount = seizure.count ?? seizure.grams;
    const original = `${seizure.substance}${amount !== undefined ? ` ${amount}${seizure.count !== undefined ? ` ${seizure.unit ?? 'units'}` : ' g'}` : ''}`;
    used.push({ fact: 'seizure', original, english: seizurePhrase(seizure) });
  }
  if (facts?.detained !== undefined) {
    used.push({ fact: 'detained', original: String(facts.detained), english: String(facts.detained) });
  }
  if (operation && facts?.operation)
    used.push({ fact: 'operation', original: facts.operation, english: operation });
  if (facts?.article) used.push({ fact: 'article', original: facts.article, english: facts.article });
  for (const [fact, evidence] of [
    ['audience', audienceHit],
    ['person', personHit],
    ['period', periodHit],
    ['wording', nounHit],
    ['wording', verbHit],
  ] as const) {
    if (evidence) used.push({ fact, original: evidence.hit.text, english: evidence.hit.english });
  }

  return {
    type: classification.type,
    place,
    actor,
    agencies,
    legislature: agencies.find((agency) => agency.kind === 'legislature' || agency.kind === 'government'),
    seizures: amounts,
    detained: facts?.detained,
    operation,
    article: facts?.article?.trim() || undefined,
    noun: nounHit ? { english: nounHit.hit.english, plural: nounHit.hit.entry.plural } : undefined,
    verb: verbHit?.hit.english,
    audience: audienceHit?.hit.english,
    person: personHit
      ? {
          singular: personHit.hit.english,
          plural: personHit.hit.entry.englishPlural ?? `${personHit.hit.english}s`,
        }
      : undefined,
    period: periodHit?.hit.english,
    defaults: {
      noun: info?.noun ? { english: info.noun, plural: info.nounPlural } : undefined,
      verb: info?.verb,
    },
  };
}

/** House style: capitals, curly quotes kept, no final stop. */
function toTitle(lead: string): string {
  return lead.toUpperCase().replace(/\s+/g, ' ').trim();
}

function confidenceOf(classification: EventClassification, ctx: Context): number {
  const known = [
    ctx.place,
    ctx.actor ?? ctx.agencies[0],
    ctx.seizures[0],
    ctx.detained,
    ctx.operation,
    ctx.noun,
  ].filter((value) => value !== undefined).length;
  return Math.round(classification.confidence * (0.5 + 0.5 * Math.min(1, known / 2)) * 100) / 100;
}

export function suggestEnglish(
  item: SuggestionItem,
  glossary: EnglishGlossary,
  options: SuggestOptions = {},
): EnglishSuggestion | undefined {
  const classification = options.classification ?? classifyEvent(item, glossary);
  if (classification.type === 'other') return reportSuggestion(item, glossary, classification, options);
  const used: FactUsed[] = [];
  const ctx = buildContext(
    item,
    classification as EventClassification & { type: ClassifiedEventType },
    glossary,
    options.placeToEnglish ?? knownPlaceToEnglish,
    used,
  );
  const titleLead = leadOf(ctx, 'title');
  const bodyLead = leadOf(ctx, 'body');
  if (!titleLead || !bodyLead) return reportSuggestion(item, glossary, classification, options);
  const timeZone = options.timeZone ?? 'UTC';
  const date = formatDate(item.publishedAt, timeZone);
  if (date) used.push({ fact: 'date', original: String(item.publishedAt), english: date });
  if (item.sourceName && isLatinName(item.sourceName)) {
    used.push({ fact: 'source', original: item.sourceName, english: item.sourceName.trim() });
  }
  return {
    title: toTitle(titleLead),
    body: bodySentences(ctx, item, bodyLead, timeZone).join(' '),
    provenance: 'template',
    eventType: ctx.type,
    factsUsed: used,
    confidence: confidenceOf(classification, ctx),
  };
}

/**
 * The plain suggestion of a report no event fits, or whose event lacks what its title needs: what it is about
 * (the glossary's topics: drug addiction, drug trafficking, the fight against drugs), where, who is named and who
 * published it — "REPORT ON DRUG ADDICTION IN AZERBAIJAN". Low confidence: the analyst rewords it. Undefined when
 * the text names no topic at all.
 */
function reportSuggestion(
  item: SuggestionItem,
  glossary: EnglishGlossary,
  classification: EventClassification,
  options: SuggestOptions,
): EnglishSuggestion | undefined {
  const topicHits = [item.title, item.body].flatMap((text) =>
    text ? findGlossaryHits(text, item.lang, glossary, { kinds: ['topic'] }) : [],
  );
  // The most specific topic named anywhere: the glossary lists them from the narrowest.
  const topic = topicHits.sort((a, b) => topicRank(glossary, a) - topicRank(glossary, b))[0];
  if (!topic) return undefined;
  const placeToEnglish = options.placeToEnglish ?? knownPlaceToEnglish;
  const factPlace = item.facts?.place?.trim()
    ? placeToEnglish(item.facts.place.trim(), item.lang)
    : undefined;
  const place = factPlace ?? placeInText([item.title, item.body], item.lang, item.country)?.english;
  const agencies = uniqueAgencies(firstHits(classification, 'agency'))
    .filter((agency) => agency.id !== 'police')
    .slice(0, 4);
  const where = place ? ` in ${place}` : '';
  const source = item.sourceName && isLatinName(item.sourceName) ? item.sourceName.trim() : undefined;
  const timeZone = options.timeZone ?? 'UTC';
  const date = formatDate(item.publishedAt, timeZone);
  const used: FactUsed[] = [{ fact: 'wording', original: topic.text, english: topic.english }];
  if (place) used.push({ fact: 'place', original: item.facts?.place ?? place, english: place });
  const sentences = [
    `${source ?? 'The source'} reported${date ? ` on ${date}` : ''} on ${topic.english}${where}.`,
    ...(agencies.length > 0
      ? [`The report names ${listPhrases(agencies.map((agency) => agencyName(agency, 'body')))}.`]
      : []),
  ];
  if (date) used.push({ fact: 'date', original: String(item.publishedAt), english: date });
  return {
    title: toTitle(`Report on ${topic.english}${where}`),
    body: sentences.join(' '),
    provenance: 'template',
    eventType: classification.type,
    factsUsed: used,
    confidence: 0.2,
  };
}

function topicRank(glossary: EnglishGlossary, hit: { entry: { id: string } }): number {
  return glossary.entries.findIndex((entry) => entry.id === hit.entry.id);
}
