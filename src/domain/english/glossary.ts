import { z } from 'zod';
import { type Language, languageCodes } from '../types.js';
import { TermIndex } from './term-matching.js';

/**
 * The English glossary: agencies (config/glossary/agencies.yaml) and event words (config/glossary/events.yaml) in
 * the eight languages, each with its English. Their YAML shapes (snake_case, what operators edit), validation and
 * compiled form. Term syntax: see `term-matching.ts`. Terms listed under `any` are used for every language.
 * Drug names come from the facts stage (config/glossary/drugs.yaml); `extendGlossary` adds such entries for
 * highlighting and for protecting them in machine translation.
 */

/** The event types of the bulletin, in the order that breaks ties (the more specific first). */
export const eventTypes = [
  'laboratory',
  'destruction',
  'court',
  'statistics',
  'legislation',
  'seizure',
  'arrest',
  'raid',
  'meeting',
  'prevention',
  'other',
] as const;
export type EventType = (typeof eventTypes)[number];
export type ClassifiedEventType = Exclude<EventType, 'other'>;
export const classifiedEventTypes = eventTypes.filter(
  (type): type is ClassifiedEventType => type !== 'other',
) as readonly ClassifiedEventType[];

export type GlossaryLanguage = Language | 'any';

const termSchema = z
  .string()
  .trim()
  .min(1)
  .refine((term) => !/^\*|\s\*|\*\S/.test(term), 'a `*` may only end a word (stems are prefixes)');
const termListSchema = z.array(termSchema).min(1);

const termsSchema = z
  .strictObject({
    any: termListSchema.optional(),
    ...Object.fromEntries(languageCodes.map((lang) => [lang, termListSchema.optional()])),
  })
  .refine((terms) => Object.values(terms).some((list) => list !== undefined), 'give terms for a language');
type RawTerms = Partial<Record<GlossaryLanguage, string[]>>;

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');
const englishSchema = z.string().trim().min(1);
const classifiedTypeSchema = z.enum(classifiedEventTypes as [ClassifiedEventType, ...ClassifiedEventType[]]);

export const agencyKinds = [
  'law-enforcement',
  'ministry',
  'legislature',
  'government',
  'prosecutor',
  'court',
  'commission',
  'international',
] as const;

const agencySchema = z.strictObject({
  id: idSchema,
  kind: z.enum(agencyKinds),
  /** The agency's English name as the release prints it in a body ("Ministry of Internal Affairs"). */
  english: englishSchema,
  /** The short form the release uses in titles (MVD, UNK, GKNB), if any. */
  short: englishSchema.optional(),
  /** Who acts, for titles: "police officers", "customs officers"; law-enforcement agencies only. */
  actor: englishSchema.optional(),
  note: z.string().optional(),
  terms: termsSchema,
});

export const agenciesFileSchema = z
  .strictObject({ agencies: z.array(agencySchema).min(1) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.agencies.forEach((agency, index) => {
      if (seen.has(agency.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['agencies', index, 'id'],
          message: `duplicate id "${agency.id}"`,
        });
      }
      seen.add(agency.id);
    });
  });
export type RawAgenciesFile = z.input<typeof agenciesFileSchema>;

export const wordRoles = ['action', 'noun', 'period', 'unit'] as const;
export type WordRole = (typeof wordRoles)[number];

const wordSchema = z.strictObject({
  /** The term's English: a past participle for actions (seized), a noun phrase for nouns (preventive lecture). */
  english: englishSchema,
  role: z.enum(wordRoles).default('action'),
  weight: z.number().finite(),
  /** A noun that takes no article (talks, amendments, legislation). */
  plural: z.boolean().default(false),
  note: z.string().optional(),
  terms: termsSchema,
});

const typeSchema = z.strictObject({
  id: classifiedTypeSchema,
  /** What the type is called in English (the topics paragraph, the UI). */
  label: englishSchema,
  /** The event's name when no noun of the text says it ("preventive event"). */
  noun: englishSchema.optional(),
  noun_plural: z.boolean().default(false),
  /** The past participle when no action word of the text says it ("seized"). */
  verb: englishSchema.optional(),
  words: z.array(wordSchema).min(1),
});

const audienceSchema = z.strictObject({
  english: englishSchema,
  supports: classifiedTypeSchema,
  weight: z.number().finite(),
  terms: termsSchema,
});

const personSchema = z.strictObject({
  english: englishSchema,
  plural: englishSchema.optional(),
  supports: classifiedTypeSchema,
  weight: z.number().finite(),
  terms: termsSchema,
});

export const eventsFileSchema = z
  .strictObject({
    /** Hits in the title count this many times. */
    title_multiplier: z.number().min(1),
    /** Below this score an item is `other`. */
    threshold: z.number().positive(),
    /** One word counts at most this many times per field. */
    count_cap: z.number().int().min(1),
    types: z.array(typeSchema),
    audiences: z.array(audienceSchema).default([]),
    persons: z.array(personSchema).default([]),
    /** What a report is about, for the plain suggestion of a report no event type fits ("drug addiction"). */
    topics: z.array(z.strictObject({ english: englishSchema, terms: termsSchema })).default([]),
  })
  .superRefine((file, ctx) => {
    const ids = file.types.map((type) => type.id);
    for (const type of classifiedEventTypes) {
      if (ids.filter((id) => id === type).length !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['types'],
          message: `type "${type}" must be described exactly once`,
        });
      }
    }
  });
export type RawEventsFile = z.input<typeof eventsFileSchema>;

export type EntryKind = 'agency' | 'event' | 'audience' | 'person' | 'drug' | 'topic' | (string & {});

export interface Agency {
  id: string;
  kind: (typeof agencyKinds)[number];
  english: string;
  short: string | undefined;
  actor: string | undefined;
}

/** One glossary entry: its English, what it is evidence of, and its terms compiled per language. */
export interface GlossaryEntry {
  id: string;
  kind: EntryKind;
  english: string;
  /** The event type the entry is evidence for, with its weight (event words, audiences, persons). */
  type: ClassifiedEventType | undefined;
  weight: number;
  role: WordRole | 'audience' | 'person' | undefined;
  plural: boolean;
  /** Persons: the plural English ("drug couriers"). */
  englishPlural: string | undefined;
  agency: Agency | undefined;
  terms: Readonly<Partial<Record<GlossaryLanguage, readonly string[]>>>;
}

export interface EventTypeInfo {
  id: ClassifiedEventType;
  label: string;
  noun: string | undefined;
  nounPlural: boolean;
  verb: string | undefined;
}

export interface EnglishGlossary {
  entries: readonly GlossaryEntry[];
  /** Per language, the terms of that language and of `any`, pointing into `entries`. */
  indexes: ReadonlyMap<Language, TermIndex>;
  types: ReadonlyMap<ClassifiedEventType, EventTypeInfo>;
  titleMultiplier: number;
  threshold: number;
  countCap: number;
}

function buildIndexes(entries: readonly GlossaryEntry[]): Map<Language, TermIndex> {
  const indexes = new Map<Language, TermIndex>();
  for (const lang of languageCodes) {
    const index = new TermIndex();
    entries.forEach((entry, ref) => {
      for (const term of [...(entry.terms[lang] ?? []), ...(entry.terms.any ?? [])]) index.add(term, ref);
    });
    indexes.set(lang, index);
  }
  return indexes;
}

interface EntryFields {
  id: string;
  kind: EntryKind;
  english: string;
  terms: RawTerms;
  type?: ClassifiedEventType;
  weight?: number;
  role?: GlossaryEntry['role'];
  plural?: boolean;
  englishPlural?: string;
  agency?: Agency;
}

function entry(fields: EntryFields): GlossaryEntry {
  return {
    id: fields.id,
    kind: fields.kind,
    english: fields.english,
    type: fields.type,
    weight: fields.weight ?? 0,
    role: fields.role,
    plural: fields.plural ?? false,
    englishPlural: fields.englishPlural,
    agency: fields.agency,
    terms: fields.terms,
  };
}

function agencyEntries(file: z.output<typeof agenciesFileSchema>): GlossaryEntry[] {
  return file.agencies.map((raw) => {
    const agency: Agency = {
      id: raw.id,
      kind: raw.kind,
      english: raw.english,
      short: raw.short,
      actor: raw.actor,
    };
    return entry({ id: `agency:${raw.id}`, kind: 'agency', english: raw.english, terms: raw.terms, agency });
  });
}

function eventEntries(file: z.output<typeof eventsFileSchema>): GlossaryEntry[] {
  const words = file.types.flatMap((type) =>
    type.words.map((word, index) =>
      entry({
        id: `event:${type.id}:${index}`,
        kind: 'event',
        english: word.english,
        terms: word.terms,
        type: type.id,
        weight: word.weight,
        role: word.role,
        plural: word.plural,
      }),
    ),
  );
  const audiences = file.audiences.map((audience, index) =>
    entry({
      id: `audience:${index}`,
      kind: 'audience',
      english: audience.english,
      terms: audience.terms,
      type: audience.supports,
      weight: audience.weight,
      role: 'audience',
      plural: true,
    }),
  );
  const persons = file.persons.map((person, index) =>
    entry({
      id: `person:${index}`,
      kind: 'person',
      english: person.english,
      englishPlural: person.plural ?? `${person.english}s`,
      terms: person.terms,
      type: person.supports,
      weight: person.weight,
      role: 'person',
    }),
  );
  const topics = file.topics.map((topic, index) =>
    entry({ id: `topic:${index}`, kind: 'topic', english: topic.english, terms: topic.terms }),
  );
  return [...words, ...audiences, ...persons, ...topics];
}

/** Validates both files (throws a ZodError naming the field) and compiles them into one glossary. */
export function compileEnglishGlossary(agencies: unknown, events: unknown): EnglishGlossary {
  const agencyFile = agenciesFileSchema.parse(agencies);
  const eventFile = eventsFileSchema.parse(events);
  const types = new Map<ClassifiedEventType, EventTypeInfo>(
    eventFile.types.map((type) => [
      type.id,
      { id: type.id, label: type.label, noun: type.noun, nounPlural: type.noun_plural, verb: type.verb },
    ]),
  );
  const entries = [...agencyEntries(agencyFile), ...eventEntries(eventFile)];
  return {
    entries,
    indexes: buildIndexes(entries),
    types,
    titleMultiplier: eventFile.title_multiplier,
    threshold: eventFile.threshold,
    countCap: eventFile.count_cap,
  };
}

export interface ExtraGlossaryItem {
  id: string;
  english: string;
  terms: Partial<Record<GlossaryLanguage, readonly string[]>>;
}

/**
 * The glossary with more entries of one kind, e.g. the drug names of config/glossary/drugs.yaml
 * (`extendGlossary(glossary, 'drug', substances)`): they are highlighted and protected in machine translation, and
 * are no evidence of an event type.
 */
export function extendGlossary(
  glossary: EnglishGlossary,
  kind: EntryKind,
  items: readonly ExtraGlossaryItem[],
): EnglishGlossary {
  const extra = items.map((item) =>
    entry({
      id: `${kind}:${item.id}`,
      kind,
      english: item.english,
      terms: Object.fromEntries(Object.entries(item.terms).map(([lang, list]) => [lang, [...(list ?? [])]])),
    }),
  );
  const entries = [...glossary.entries, ...extra];
  return { ...glossary, entries, indexes: buildIndexes(entries) };
}
