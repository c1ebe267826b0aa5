import { readdirSync, readFileSync } from 'node:fs';
import { francAll } from 'franc';
import { describe, expect, it } from 'vitest';
import { CharacterClasses } from '../../src/domain/character-classes.js';
import { FrancProfile } from '../../src/domain/franc-ranking.js';

/** The labelled examples of every language, titles and texts apart. */
const fixtureTexts = readdirSync('test/fixtures/relevance').flatMap((file) =>
  readFileSync(`test/fixtures/relevance/${file}`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      const { title, text } = JSON.parse(line) as { title?: string; text: string };
      return [title ?? '', text];
    }),
);

/** A script franc has no shared model for, each script it has one for, mixtures, and texts too short to read. */
const otherTexts = [
  '',
  'Героин',
  '1234567890 12345',
  'Полиция изъяла героин. '.repeat(150),
  '東京で麻薬の密輸が摘発された。警察は二人を逮捕した。',
  '警方在边境查获大量海洛因和冰毒',
  'Η αστυνομία κατέσχεσε ηρωίνη στο λιμάνι του Πειραιά',
  'המשטרה תפסה הרואין בנמל חיפה הבוקר',
  'पुलिस ने सीमा पर हेरोइन जब्त की और दो लोगों को गिरफ्तार किया',
  'የፖሊስ ኃይሎች ሄሮይን ያዙ በድንበሩ ላይ',
  'الشرطة ضبطت الهيروين في الميناء',
  '😀😀😀😀😀😀 🚔🚔🚔 💊💊💊💊',
  'Полиция Almaty изъяла 😀 героин 𐐀𐐨 and 中文 a\ud800b \udc00c',
  "O'zbekiston IIV xodimlari geroin musodara qildi",
];

const onlySets = [
  [],
  ['rus', 'kaz', 'kir', 'uzn', 'tgk', 'tuk', 'azj'],
  ['uzn', 'tuk', 'azj', 'eng'],
  ['kaz'],
  ['cmn', 'ell'],
  ['none'],
];

describe('FrancProfile', () => {
  it('ranks exactly as francAll, with and without a language list', () => {
    for (const text of [...fixtureTexts, ...otherTexts]) {
      const profile = new FrancProfile(text);
      for (const only of onlySets) {
        expect(profile.rank(only), `${only.join(',')}: ${text.slice(0, 60)}`).toEqual(
          francAll(text, { only }),
        );
      }
    }
  });
});

describe('CharacterClasses', () => {
  it('visits code points, with their offsets, and lone surrogates by themselves', () => {
    const classes = new CharacterClasses((char) => char.length);
    const visited: Array<[number, number, number]> = [];
    classes.forEach('a😀\ud800b\udc00', (characterClass, codePoint, index) => {
      visited.push([characterClass, codePoint, index]);
    });
    expect(visited).toEqual([
      [1, 0x61, 0],
      [2, 0x1f600, 1],
      [1, 0xd800, 3],
      [1, 0x62, 4],
      [1, 0xdc00, 5],
    ]);
  });
});
