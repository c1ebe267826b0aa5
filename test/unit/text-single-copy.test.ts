import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The text-normalisation tables live once, in src/domain/text/. These checks fail when a stage grows its own
 * copy again: an apostrophe character class, a month-name table, a Cyrillic→Latin or a regional-Cyrillic folding
 * table anywhere else under src/.
 */

const ROOT = join(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
const TEXT_MODULE = join(SRC, 'domain', 'text');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === TEXT_MODULE ? [] : sourceFiles(path);
    return /\.(ts|js)$/.test(entry.name) ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({
  path: relative(ROOT, path),
  text: readFileSync(path, 'utf8'),
}));

/** The apostrophe variants that are not plain ASCII: ʻ ʼ ‘ ’ ´ ʹ ′. */
const TYPOGRAPHIC_APOSTROPHES = ['\u02bb', '\u02bc', '\u2018', '\u2019', '\u00b4', '\u02b9', '\u2032'];

/** Bracketed runs on one line: regular-expression classes and array literals alike. */
const BRACKETS = /\[[^[\]\n]*\]/g;

function apostropheClasses(text: string): string[] {
  return [...text.matchAll(BRACKETS)]
    .map((match) => match[0])
    .filter((run) => TYPOGRAPHIC_APOSTROPHES.filter((char) => run.includes(char)).length >= 3);
}

const ENGLISH_MONTHS =
  /\b(?:january|february|march|april|june|july|august|september|october|november|december)\b/gi;
const RUSSIAN_MONTHS = /(?:январ|феврал|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр)/gi;
const KAZAKH_MONTHS = /(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|желтоқсан)/gi;

function monthTables(text: string): string[] {
  return [ENGLISH_MONTHS, RUSSIAN_MONTHS, KAZAKH_MONTHS].flatMap((pattern) => {
    const names = new Set([...text.matchAll(pattern)].map((match) => match[0].toLowerCase()));
    return names.size >= 6 ? [[...names].join(' ')] : [];
  });
}

/** Entries only a transliteration (`щ: 'shch'`) or a regional-Cyrillic folding table (`қ: 'к'`) has. */
const TABLE_ENTRIES = [
  /щ['"]?:\s*['"]shch['"]/u,
  /қ['"]?:\s*['"]к['"]/u,
  /ў['"]?:\s*['"]у['"]/u,
  /ş['"]?:\s*['"]sh['"]/u,
];

describe('one copy of the text-normalisation tables (src/domain/text/)', () => {
  it('finds the copies it is meant to find', () => {
    expect(apostropheClasses("const APOSTROPHES = /['’‘ʻʼ`ʹ]/gu;")).toHaveLength(1);
    expect(apostropheClasses("new Set(['ʻ', 'ʼ', 'ʹ', \"'\", '‘', '’'])")).toHaveLength(1);
    expect(apostropheClasses("/(?<=\\p{Script=Latin})['’]s$/u")).toEqual([]);
    expect(monthTables("['январ', 'феврал', 'март', 'апрел', 'май', 'июн', 'июл', 'август']")).toHaveLength(
      1,
    );
    expect(monthTables("['January', 'February', 'March', 'April', 'May', 'June', 'July']")).toHaveLength(1);
    expect(monthTables('Dates like «19 сентября» or "September 19"')).toEqual([]);
    expect(TABLE_ENTRIES.some((entry) => entry.test("  щ: 'shch',"))).toBe(true);
  });

  it('has no apostrophe character class outside the module', () => {
    const found = files.flatMap(({ path, text }) => apostropheClasses(text).map((run) => `${path}: ${run}`));
    expect(found).toEqual([]);
  });

  it('has no month-name table outside the module', () => {
    const found = files.flatMap(({ path, text }) => monthTables(text).map((names) => `${path}: ${names}`));
    expect(found).toEqual([]);
  });

  it('has no transliteration or letter-folding table outside the module', () => {
    const found = files.flatMap(({ path, text }) =>
      TABLE_ENTRIES.filter((entry) => entry.test(text)).map((entry) => `${path}: ${entry.source}`),
    );
    expect(found).toEqual([]);
  });
});
