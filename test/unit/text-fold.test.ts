import { describe, expect, it } from 'vitest';
import { foldText, searchFoldSql } from '../../src/domain/text/fold.js';
import { TermSet } from '../../src/domain/text/term-set.js';
import { splitSentences, tokenize } from '../../src/domain/text/tokens.js';

describe('foldText', () => {
  it('drops every apostrophe variant and folds Turkic Latin letters to their ASCII spelling', () => {
    for (const spelling of ["qo'lga", 'qoʻlga', 'qo‘lga', 'qo’lga', 'QOʻLGA'])
      expect(foldText(spelling)).toBe('qolga');
    expect(foldText('Şəhər')).toBe('sheher');
    expect(foldText('İstanbul ılıq')).toBe('istanbul iliq');
    expect(foldText('tärkilendi gaşiş tūrğyn')).toBe('tarkilendi gashish turgyn');
    expect(foldText('çətənə')).toBe('chetene');
  });

  it('folds the Cyrillic letters of the region to the Russian ones typed for them', () => {
    expect(foldText('ҲЕРОИН')).toBe('хероин');
    expect(foldText('Қазақстан')).toBe('казакстан');
    expect(foldText('кўкнори ёш')).toBe('кукнори еш');
    expect(foldText('есірткі')).toBe('есиртки');
  });

  it('has an SQL twin built from the same table', () => {
    const sql = searchFoldSql('t');
    expect(sql).toMatch(/^replace\(replace\(replace\(translate\(lower\(t\), '/);
    expect(sql).toContain("'ş', 'sh'");
    // Apostrophes are doubled inside the SQL string.
    expect(sql).toContain("''");
  });
});

describe('tokenize and splitSentences', () => {
  it('keeps numbers with inner dots and commas and words with inner apostrophes whole', () => {
    const tokens = tokenize("ст. 228.1: 1,5 кг, qo'lga olindi");
    expect(tokens.map((token) => [token.kind, token.raw])).toEqual([
      ['word', 'ст'],
      ['punct', '.'],
      ['number', '228.1'],
      ['punct', ':'],
      ['number', '1,5'],
      ['word', 'кг'],
      ['punct', ','],
      ['word', "qo'lga"],
      ['word', 'olindi'],
    ]);
  });

  it('ends sentences at a full stop before a capital, not after abbreviations or inside numbers', () => {
    const tokens = tokenize('Изъято 1.5 кг. Дело по ч. 3 ст. 297 УК. В г. Алматы тихо.\nНовая строка');
    const sentences = splitSentences(tokens).map(([start, end]) =>
      tokens
        .slice(start, end)
        .map((token) => token.raw)
        .join(' '),
    );
    expect(sentences).toEqual([
      'Изъято 1.5 кг .',
      'Дело по ч . 3 ст . 297 УК .',
      'В г . Алматы тихо .',
      'Новая строка',
    ]);
  });
});

describe('TermSet', () => {
  const set = new TermSet([
    ['маков* солом*', 'poppy'],
    ['мак', 'poppy-word'],
    ['«соль»', 'salt-drug'],
    ['за # месяц*', 'period'],
    ['альфа-pvp', 'pvp'],
  ] as const);

  it('matches stems, phrases, numbers, quoted terms and hyphenated words; the longest wins', () => {
    const found = (text: string) => set.findAll(tokenize(text)).map((match) => match.value);
    expect(found('изъято маковой соломы и мак')).toEqual(['poppy', 'poppy-word']);
    expect(found('наркотик «соль», а не соль')).toEqual(['salt-drug']);
    expect(found('за 9 месяцев')).toEqual(['period']);
    expect(found('вещество альфа-PVP')).toEqual(['pvp']);
    expect(found('маков и макаров')).toEqual([]);
  });
});
