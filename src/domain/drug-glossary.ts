import { z } from 'zod';
import { TermSet } from './text/term-set.js';
import { type DetectedLanguage, type Language, languageCodes } from './types.js';

/**
 * The drugs glossary (`config/glossary/drugs.yaml`): the fixed English substance vocabulary with its names in the
 * region's languages and scripts, mass and count units, number words, and the words that tell what happened to
 * an amount. Its YAML shape and validation are here; `compileDrugGlossary` turns it into term sets per language.
 */

export const substanceIds = [
  'heroin',
  'opium',
  'hashish',
  'cannabis',
  'cocaine',
  'methamphetamine',
  'amphetamine',
  'mephedrone',
  'methadone',
  'tramadol',
  'pregabalin',
  'tropicamide',
  'synthetic drugs',
  'psychotropic tablets',
  'poppy straw',
  'precursors',
] as const;
export const substanceSchema = z.enum(substanceIds);
export type SubstanceId = z.infer<typeof substanceSchema>;

export const countUnits = [
  'tablets',
  'capsules',
  'vials',
  'ampoules',
  'bushes',
  'plants',
  'litres',
  'pieces',
] as const;
export const countUnitSchema = z.enum(countUnits);
export type CountUnit = z.infer<typeof countUnitSchema>;

const termSchema = z.string().trim().min(1);
/** Terms per language code, `any` for every language. */
const termListsSchema = z.partialRecord(z.enum([...languageCodes, 'any']), z.array(termSchema));
const numberListsSchema = z.partialRecord(z.enum(languageCodes), z.record(z.string(), z.number().positive()));

export const drugGlossarySchema = z.strictObject({
  substances: z
    .array(
      z.strictObject({
        id: substanceSchema,
        terms: termListsSchema,
        not: termListsSchema.optional(),
        unit: countUnitSchema.optional(),
      }),
    )
    .refine(
      (list) => new Set(list.map((entry) => entry.id)).size === list.length,
      'each substance may be listed once',
    ),
  mass_units: z.array(
    z.strictObject({
      grams: z.number().positive(),
      implicit: z.boolean().optional(),
      terms: termListsSchema,
    }),
  ),
  implicit_mass_words: termListsSchema,
  count_units: z.array(z.strictObject({ unit: countUnitSchema, terms: termListsSchema })),
  pieces_words: termListsSchema,
  number_words: numberListsSchema,
  multipliers: z.array(z.strictObject({ factor: z.number().positive(), terms: termListsSchema })),
  seizure_words: termListsSchema,
  destruction_words: termListsSchema,
  previously_words: termListsSchema,
  agent_words: termListsSchema,
  statistics_cues: termListsSchema,
  continuation_words: termListsSchema,
  weight_words: termListsSchema,
  seed_words: termListsSchema,
  each_words: termListsSchema,
  list_breaks: termListsSchema,
  detention_words: termListsSchema,
  person_words: termListsSchema,
  age_words: termListsSchema,
  plural_pronouns: termListsSchema,
  operation_words: termListsSchema,
  article_words: z.strictObject({
    before: termListsSchema,
    after: termListsSchema,
    not_after: termListsSchema,
  }),
  place_units: z.strictObject({
    specific_after: termListsSchema,
    specific_before: termListsSchema,
    region_after: termListsSchema,
    region_before: termListsSchema,
    institutions: termListsSchema,
  }),
});

export type DrugGlossaryFile = z.infer<typeof drugGlossarySchema>;
type TermLists = z.infer<typeof termListsSchema>;

/** Term sets for the texts of one language (its lists and the `any` lists); `und`: every list. */
export interface GlossaryTerms {
  lang: DetectedLanguage;
  substances: TermSet<{ id: SubstanceId; unit: CountUnit | undefined }>;
  notSubstances: TermSet<true>;
  massUnits: TermSet<{ grams: number; implicit: boolean }>;
  implicitMass: TermSet<true>;
  countUnits: TermSet<CountUnit>;
  pieces: TermSet<true>;
  numberWords: TermSet<number>;
  multipliers: TermSet<number>;
  seizure: TermSet<true>;
  destruction: TermSet<true>;
  previously: TermSet<true>;
  agent: TermSet<true>;
  statistics: TermSet<true>;
  continuation: TermSet<true>;
  weight: TermSet<true>;
  seeds: TermSet<true>;
  each: TermSet<true>;
  listBreaks: TermSet<true>;
  detention: TermSet<true>;
  persons: TermSet<true>;
  ages: TermSet<true>;
  pluralPronouns: TermSet<true>;
  operation: TermSet<true>;
  articleBefore: TermSet<true>;
  articleAfter: TermSet<true>;
  articleNotAfter: TermSet<true>;
  placeSpecificAfter: TermSet<true>;
  placeSpecificBefore: TermSet<true>;
  placeRegionAfter: TermSet<true>;
  placeRegionBefore: TermSet<true>;
  placeInstitutions: TermSet<true>;
}

export interface DrugGlossary {
  readonly file: DrugGlossaryFile;
  /** The term sets for a text's language, compiled on first use. */
  forLanguage(lang: DetectedLanguage | undefined): GlossaryTerms;
}

function termsFor(lists: TermLists | undefined, lang: DetectedLanguage): string[] {
  if (!lists) return [];
  if (lang === 'und') return Object.values(lists).flat();
  return [...(lists.any ?? []), ...(lists[lang as Language] ?? [])];
}

const flags = (lists: TermLists | undefined, lang: DetectedLanguage) =>
  new TermSet(termsFor(lists, lang).map((term) => [term, true as const] as const));

function numberWordsFor(file: DrugGlossaryFile, lang: DetectedLanguage): Array<readonly [string, number]> {
  const tables =
    lang === 'und' ? Object.values(file.number_words) : [file.number_words[lang as Language] ?? {}];
  return tables.flatMap((table) => Object.entries(table ?? {}));
}

function compileFor(file: DrugGlossaryFile, lang: DetectedLanguage): GlossaryTerms {
  return {
    lang,
    substances: new TermSet(
      file.substances.flatMap((entry) =>
        termsFor(entry.terms, lang).map((term) => [term, { id: entry.id, unit: entry.unit }] as const),
      ),
    ),
    notSubstances: new TermSet(
      file.substances.flatMap((entry) =>
        termsFor(entry.not, lang).map((term) => [term, true as const] as const),
      ),
    ),
    massUnits: new TermSet(
      file.mass_units.flatMap((unit) =>
        termsFor(unit.terms, lang).map(
          (term) => [term, { grams: unit.grams, implicit: unit.implicit ?? false }] as const,
        ),
      ),
    ),
    implicitMass: flags(file.implicit_mass_words, lang),
    countUnits: new TermSet(
      file.count_units.flatMap((unit) =>
        termsFor(unit.terms, lang).map((term) => [term, unit.unit] as const),
      ),
    ),
    pieces: flags(file.pieces_words, lang),
    numberWords: new TermSet(numberWordsFor(file, lang)),
    multipliers: new TermSet(
      file.multipliers.flatMap((entry) =>
        termsFor(entry.terms, lang).map((term) => [term, entry.factor] as const),
      ),
    ),
    seizure: flags(file.seizure_words, lang),
    destruction: flags(file.destruction_words, lang),
    previously: flags(file.previously_words, lang),
    agent: flags(file.agent_words, lang),
    statistics: flags(file.statistics_cues, lang),
    continuation: flags(file.continuation_words, lang),
    weight: flags(file.weight_words, lang),
    seeds: flags(file.seed_words, lang),
    each: flags(file.each_words, lang),
    listBreaks: flags(file.list_breaks, lang),
    detention: flags(file.detention_words, lang),
    persons: flags(file.person_words, lang),
    ages: flags(file.age_words, lang),
    pluralPronouns: flags(file.plural_pronouns, lang),
    operation: flags(file.operation_words, lang),
    articleBefore: flags(file.article_words.before, lang),
    articleAfter: flags(file.article_words.after, lang),
    articleNotAfter: flags(file.article_words.not_after, lang),
    placeSpecificAfter: flags(file.place_units.specific_after, lang),
    placeSpecificBefore: flags(file.place_units.specific_before, lang),
    placeRegionAfter: flags(file.place_units.region_after, lang),
    placeRegionBefore: flags(file.place_units.region_before, lang),
    placeInstitutions: flags(file.place_units.institutions, lang),
  };
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

export class InvalidGlossaryError extends Error {}

/** Validates a parsed YAML glossary; throws InvalidGlossaryError naming each bad field path. */
export function compileDrugGlossary(raw: unknown): DrugGlossary {
  const parsed = drugGlossarySchema.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidGlossaryError(`invalid drugs glossary: ${formatIssues(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  const file = parsed.data;
  const compiled = new Map<DetectedLanguage, GlossaryTerms>();
  return {
    file,
    forLanguage(lang) {
      const key = lang ?? 'und';
      let terms = compiled.get(key);
      if (!terms) {
        terms = compileFor(file, key);
        compiled.set(key, terms);
      }
      return terms;
    },
  };
}

/** Every name of every substance, in all languages: what a search for one of them is widened to. */
export function substanceNames(glossary: DrugGlossary): Array<{ id: SubstanceId; terms: string[] }> {
  return glossary.file.substances.map((entry) => ({ id: entry.id, terms: termsFor(entry.terms, 'und') }));
}
