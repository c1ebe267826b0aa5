import { z } from 'zod';
import { unifyApostrophes } from './text/apostrophes.js';
import {
  ARABIC_MARKS_CLASS_BODY,
  ARABIC_SCRIPT_FOLDS,
  INVISIBLE_CLASS_BODY,
  REGIONAL_CYRILLIC_FOLDS,
  TURKIC_LATIN_DIGRAPH_FOLDS,
  TURKIC_LATIN_FOLDS,
} from './text/letters.js';
import { type Language, languageCodes } from './types.js';

/**
 * The weighted anti-drug lexicon: its YAML shape (snake_case, what operators edit), its validation,
 * and its compiled form (one Unicode-aware regular expression per term).
 *
 * Term syntax, kept deliberately tiny so that no YAML value can inject regular-expression syntax:
 * - words are matched whole, lower-cased and normalised (see `normalizeForMatching`);
 * - a trailing `*` on a word makes it a stem: `наркотик*` matches наркотики, наркотиков…;
 * - several words form a phrase: `уголовн* дел*` matches "уголовное дело", "уголовного дела"…;
 * - every other character is literal.
 */

export type LexiconLanguage = Language | 'any';

const lexiconLanguageSchema = z.enum([...languageCodes, 'any']);
const groupIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');
const termSchema = z
  .string()
  .trim()
  .min(1)
  .refine((term) => !/^\*|\s\*/.test(term), 'a `*` may only end a word (stems are prefixes)');

const groupSchema = z.strictObject({
  id: groupIdSchema,
  lang: lexiconLanguageSchema,
  weight: z.number().finite(),
  near: z.array(groupIdSchema).min(1).optional(),
  max_count: z.number().int().min(1).optional(),
  repeat_cap: z.number().int().min(1).optional(),
  note: z.string().optional(),
  terms: z.array(termSchema).min(1),
});

const lookalikeSchema = z.strictObject({
  lang: lexiconLanguageSchema,
  note: z.string().optional(),
  terms: z.array(termSchema).min(1),
});

export const lexiconSchema = z
  .strictObject({
    threshold: z.number().positive(),
    title_multiplier: z.number().min(1),
    repeat_cap: z.number().int().min(1),
    near_window: z.number().int().min(1),
    groups: z.array(groupSchema).min(1),
    lookalikes: z.array(lookalikeSchema).default([]),
  })
  .superRefine((lexicon, ctx) => {
    const ids = new Set<string>();
    lexicon.groups.forEach((group, index) => {
      if (ids.has(group.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['groups', index, 'id'],
          message: `duplicate group id "${group.id}"`,
        });
      }
      ids.add(group.id);
    });
    lexicon.groups.forEach((group, index) => {
      group.near?.forEach((ref, refIndex) => {
        if (!ids.has(ref)) {
          ctx.addIssue({
            code: 'custom',
            path: ['groups', index, 'near', refIndex],
            message: `unknown group "${ref}"`,
          });
        }
      });
    });
  });

export type RawLexicon = z.input<typeof lexiconSchema>;

export interface CompiledTerm {
  term: string;
  /**
   * The longest part of the term's first word without its stem mark or an apostrophe (which a text may leave out):
   * a text lacking it cannot match.
   */
  literal: string;
  /**
   * The first word's first `BEGINNING_LENGTH` UTF-16 units, fewer where its leading letters are fewer ('' when it
   * starts with none): a match starts a word, so a text none of whose words begins with them cannot match.
   */
  beginning: string;
  pattern: RegExp;
}

export interface CompiledGroup {
  id: string;
  lang: LexiconLanguage;
  weight: number;
  /** Ids of the groups one of whose terms must stand within `nearWindow` words for a hit to count. */
  near: readonly string[];
  /** At most this many hits of the group count in one field (context words must not pile up). */
  maxCount: number;
  /** Overrides the lexicon's repeatCap for this group's terms. */
  repeatCap: number | undefined;
  terms: readonly CompiledTerm[];
}

export interface CompiledLookalikes {
  lang: LexiconLanguage;
  terms: readonly CompiledTerm[];
}

export interface CompiledLexicon {
  threshold: number;
  titleMultiplier: number;
  repeatCap: number;
  nearWindow: number;
  groups: readonly CompiledGroup[];
  lookalikes: readonly CompiledLookalikes[];
}

/**
 * Letters folded to a common form (the text module's tables), so that one term reaches every way the region
 * writes a word:
 * - Kazakh Latin of 2018 (á ǵ ń ó ú) and of 2021 (ä ğ ñ ö ü ū ş ç) meet (tárkilendi, tärkılendı → tarkilendi);
 * - Turkmen and Azerbaijani letters fold the same way (neşe, nəşə → neshe; narkotiklərin → narkotiklerin), which
 *   also reaches Azerbaijani typed without its letters, e for ə being the usual stand-in;
 * - Cyrillic letters of Kazakh, Kyrgyz, Tajik and Uzbek fold to their Russian look-alikes (есірткі → есиртки,
 *   баңги → банги, нашъамандӣ → нашъаманди, кўкнори → кукнори), as pages typed on a Russian keyboard write them;
 * - Arabic-script Kazakh: the front-vowel sign ٴ and the vowel letters with hamza lose the mark, Persian keheh and
 *   yeh and Kazakh ە become the letters Persian and Arabic keyboards type for them, tatweel and vowel marks go.
 * Turkmen ý (a consonant) and Kazakh 2018 ý (the vowel у) stay apart: terms spell both where it matters.
 */
const latinFolds = Object.fromEntries(Object.entries(TURKIC_LATIN_FOLDS).filter(([char]) => char !== 'ý'));
const foldedLetters: Readonly<Record<string, string>> = {
  ...latinFolds,
  ...TURKIC_LATIN_DIGRAPH_FOLDS,
  ...REGIONAL_CYRILLIC_FOLDS,
  ...ARABIC_SCRIPT_FOLDS,
};
const foldable = new RegExp(`[${Object.keys(foldedLetters).join('')}]|[${ARABIC_MARKS_CLASS_BODY}]`, 'g');
const invisible = new RegExp(`[${INVISIBLE_CLASS_BODY}]`, 'g');

/**
 * Brings text and terms to one comparable form: links dropped (their slugs would repeat the text), NFC, lower case,
 * ё→е, every Uzbek/Turkic apostrophe variant → ', Turkish/Azerbaijani dotted and dotless i → i (so NARKOTİK,
 * narkotık and narkotik meet), the letters of `foldedLetters` folded, invisible characters dropped, whitespace
 * collapsed so that phrases match across line breaks.
 */
export function normalizeForMatching(text: string): string {
  return unifyApostrophes(
    text
      .replace(/https?:\/\/\S+/g, ' ')
      .normalize('NFC')
      .replace(/İ/g, 'i')
      .toLowerCase()
      .replace(/\u0307/g, ''),
  )
    .replace(foldable, (char) => foldedLetters[char] ?? '')
    .replace(invisible, '')
    .replace(/\s+/g, ' ');
}

const letter = '[\\p{L}\\p{M}\\p{N}]';
// An apostrophe belongs to a word only between letters (Uzbek o'zbek), not when it quotes one ('drugs').
const wordStart = `(?<!${letter}|${letter}')`;
const wordEnd = `(?!${letter}|'${letter})`;
const stemTail = `(?:${letter}|'(?=${letter}))*`;

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** An apostrophe in a term may be left out in the text: Uzbek is often typed without oʻ, gʻ and the tutuq belgisi. */
function compileLetters(literal: string): string {
  return escapeRegExp(literal).replaceAll("'", "'?");
}

function compileWord(word: string): string {
  return word.endsWith('*') ? compileLetters(word.slice(0, -1)) + stemTail : compileLetters(word);
}

const leadingLetters = new RegExp(`^${letter}*`, 'u');
/** Three units tell наркотик* from the words that merely start alike (на, наш, нашли); two left many searched in vain. */
export const BEGINNING_LENGTH = 3;

export function compileTerm(term: string): CompiledTerm {
  const normalized = normalizeForMatching(term.trim());
  const words = normalized.split(' ');
  const body = words.map(compileWord).join('\\s+');
  const firstWord = (words[0] ?? '').replace(/\*$/, '');
  const literal = firstWord
    .split("'")
    .reduce((longest, piece) => (piece.length > longest.length ? piece : longest));
  return {
    term: normalized,
    literal,
    beginning: leadingLetters.exec(firstWord)![0].slice(0, BEGINNING_LENGTH),
    pattern: new RegExp(`${wordStart}${body}${wordEnd}`, 'gu'),
  };
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Validates a parsed YAML lexicon and compiles its terms; throws an Error naming each bad field path. */
export function compileLexicon(raw: unknown): CompiledLexicon {
  const parsed = lexiconSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`invalid lexicon: ${formatIssues(parsed.error)}`, { cause: parsed.error });
  }
  const lexicon = parsed.data;
  return {
    threshold: lexicon.threshold,
    titleMultiplier: lexicon.title_multiplier,
    repeatCap: lexicon.repeat_cap,
    nearWindow: lexicon.near_window,
    groups: lexicon.groups.map((group) => ({
      id: group.id,
      lang: group.lang,
      weight: group.weight,
      near: group.near ?? [],
      maxCount: group.max_count ?? Number.POSITIVE_INFINITY,
      repeatCap: group.repeat_cap,
      terms: group.terms.map(compileTerm),
    })),
    lookalikes: lexicon.lookalikes.map((entry) => ({
      lang: entry.lang,
      terms: entry.terms.map(compileTerm),
    })),
  };
}
