import { type DrugGlossary, type SubstanceId, substanceNames } from './drug-glossary.js';
import { foldText } from './text/fold.js';
import { tokenize } from './text/tokens.js';

/**
 * Search by word, across languages: what an analyst types becomes a PostgreSQL `tsquery` (text, for
 * `to_tsquery('harvest_search', …)`) over the stored vectors of migration 012 (`searchDocument` folded, Russian
 * stemmed).
 *
 * - Each word is folded as the index folds the text (`qoʻlga` = `qo'lga` = `qolga`, `Şəhər` = `sheher`,
 *   `Қазақстан` = `казакстан`), then matched as a word form: Cyrillic words are stemmed by the `russian` snowball
 *   stemmer on both sides (`наркомания` finds `наркоманией`), and words long enough match as prefixes too —
 *   Latin words from 4 letters (`narkotik` finds `narkotiklar`, `narkotiki`), Cyrillic ones from 6 (Kazakh and
 *   Kyrgyz suffixes: `есірткі` finds `есірткіні`; shorter Russian stems would find unrelated words: `мак` is not
 *   `макаров`).
 * - A word (or phrase) that names a drug in the glossary is widened to all its names in every language and script:
 *   `heroin` finds `героин`, `ҳероин`, `geroin` and `heroin`.
 * - Words are all required; `OR` between two words makes either do; `-word` excludes; "quoted words" must follow
 *   one another (not widened).
 * Nothing the user types reaches the query syntax: words keep only letters and digits.
 */

/**
 * The text an article is searched by: its title and body folded as queries are. The database makes its
 * `harvest_search` tsvector (src/db/search-sql.ts): folding there, over the whole text, would cost four times more.
 */
export function searchDocument(title: string | null | undefined, body: string | null | undefined): string {
  return foldText(`${title ?? ''}\n${body ?? ''}`);
}

/** Folded Latin words from this length match as prefixes. */
export const LATIN_PREFIX_FROM = 4;
/** Folded Cyrillic words from this length match as prefixes (after stemming). */
export const CYRILLIC_PREFIX_FROM = 6;
/** A glossary stem shorter than this is matched as a word, not a prefix (`сора*` would find `сорок`). */
const GLOSSARY_STEM_FROM = 5;

const cleanWord = (word: string) => foldText(word).replace(/[^\p{L}\p{N}]/gu, '');

function lexeme(word: string, prefix: boolean): string {
  return `'${word}'${prefix ? ':*' : ''}`;
}

/** A word typed by the user as a tsquery operand. */
export function wordQuery(word: string): string | undefined {
  const clean = cleanWord(word);
  if (clean === '') return undefined;
  const latin = /^[\p{Script=Latin}\p{N}]+$/u.test(clean);
  const prefixFrom = latin ? LATIN_PREFIX_FROM : CYRILLIC_PREFIX_FROM;
  return lexeme(clean, !/^\p{N}+$/u.test(clean) && [...clean].length >= prefixFrom);
}

/** One glossary term (`маков* солом*`) as a phrase of lexemes, its stems as prefixes. */
function termQuery(term: string): string | undefined {
  const inner = term.replace(/^«|»$/g, '');
  const words = inner
    .split(/[\s\-‐–]+/u)
    .filter((word) => word !== '' && word !== '#')
    .map((word) => {
      const stem = word.endsWith('*');
      const clean = cleanWord(stem ? word.slice(0, -1) : word);
      return clean === '' ? undefined : lexeme(clean, stem && [...clean].length >= GLOSSARY_STEM_FROM);
    });
  if (words.length === 0 || words.some((word) => word === undefined)) return undefined;
  return words.length === 1 ? words[0] : `(${words.join(' <-> ')})`;
}

export interface SearchExpansions {
  /** The tsquery alternative of each substance: all its names. */
  bySubstance: ReadonlyMap<SubstanceId, string>;
  glossary: DrugGlossary;
}

/** The widened forms of every substance, built once per glossary. */
export function searchExpansions(glossary: DrugGlossary): SearchExpansions {
  const bySubstance = new Map<SubstanceId, string>();
  for (const { id, terms } of substanceNames(glossary)) {
    const alternatives = [...new Set(terms.flatMap((term) => termQuery(term) ?? []))];
    bySubstance.set(id, `(${alternatives.join(' | ')})`);
  }
  return { bySubstance, glossary };
}

interface Part {
  text: string;
  quoted: boolean;
  negated: boolean;
}

/** Words, "quoted phrases", -exclusions and OR, as typed. */
function splitQuery(text: string): Array<Part | 'OR'> {
  const parts: Array<Part | 'OR'> = [];
  for (const match of text.matchAll(/(-?)"([^"]*)"|(\S+)/gu)) {
    const [, minus, phrase, word] = match;
    if (word === 'OR' || word === '|') parts.push('OR');
    else if (phrase !== undefined) parts.push({ text: phrase, quoted: true, negated: minus === '-' });
    else if (word) {
      const negated = word.startsWith('-') && word.length > 1;
      parts.push({ text: negated ? word.slice(1) : word, quoted: false, negated });
    }
  }
  return parts;
}

/** The operands of plain words: drug names (one word or several) widened, every other word a lexeme. */
function wordOperands(text: string, expansions: SearchExpansions): string[] {
  const tokens = tokenize(text).filter((token) => token.kind !== 'punct');
  const substances = expansions.glossary.forLanguage('und').substances;
  const operands: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const drug = substances.matchAt(tokens, i);
    if (drug) {
      operands.push(expansions.bySubstance.get(drug.value.id)!);
      i = drug.end - 1;
      continue;
    }
    const operand = wordQuery(tokens[i]!.raw);
    if (operand) operands.push(operand);
  }
  return operands;
}

const allOf = (operands: readonly string[]) =>
  operands.length === 1 ? operands[0]! : `(${operands.join(' & ')})`;

/** A quoted phrase: its words one after another, as typed. */
function phraseQuery(text: string): string | undefined {
  const words = tokenize(text).flatMap((token) =>
    token.kind === 'punct' ? [] : (wordQuery(token.raw) ?? []),
  );
  if (words.length === 0) return undefined;
  return words.length === 1 ? words[0] : `(${words.join(' <-> ')})`;
}

type Item = string | 'OR';

/** Operands in order with the ORs between them; a run of plain words is read together (`маковая солома`). */
function operandsOf(text: string, expansions: SearchExpansions): Item[] {
  const items: Item[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) items.push(...wordOperands(run.join(' '), expansions));
    run = [];
  };
  for (const part of splitQuery(text)) {
    if (part !== 'OR' && !part.quoted && !part.negated) {
      run.push(part.text);
      continue;
    }
    flush();
    if (part === 'OR') items.push('OR');
    else if (part.quoted) {
      const phrase = phraseQuery(part.text);
      if (phrase) items.push(part.negated ? `!${phrase}` : phrase);
    } else {
      const words = wordOperands(part.text, expansions);
      if (words.length > 0) items.push(`!${allOf(words)}`);
    }
  }
  flush();
  return items;
}

/**
 * The tsquery text for what the user typed, or undefined when it has no word to search for. Operands are required
 * together unless `OR` stands between two of them.
 */
export function buildSearchQuery(text: string, expansions: SearchExpansions): string | undefined {
  const operands: string[] = [];
  let pendingOr = false;
  for (const item of operandsOf(text, expansions)) {
    if (item === 'OR') {
      pendingOr = operands.length > 0;
    } else if (pendingOr) {
      operands[operands.length - 1] = `(${operands.at(-1)} | ${item})`;
      pendingOr = false;
    } else {
      operands.push(item);
    }
  }
  // A query of exclusions only would match nearly everything: refuse it as empty.
  if (operands.length === 0 || operands.every((operand) => operand.startsWith('!'))) return undefined;
  return operands.join(' & ');
}
