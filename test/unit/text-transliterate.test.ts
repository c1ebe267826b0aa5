import { describe, expect, it } from 'vitest';
import { toCommonLatin, transliterate } from '../../src/domain/text/transliterate.js';

describe('transliterate (English letters, per language)', () => {
  it('spells real place names of each country', () => {
    expect(transliterate('Шымкент', 'kaz')).toBe('Shymkent');
    expect(transliterate('Қарағанды', 'kaz')).toBe('Qaraghandy');
    expect(transliterate('Ақтөбе', 'kaz')).toBe('Aqtobe');
    expect(transliterate('Нарын', 'kir')).toBe('Naryn');
    expect(transliterate('Ҷалолобод', 'tgk')).toBe('Jalolobod');
    expect(transliterate('Фарғона', 'uzb')).toBe('Farghona');
    expect(transliterate('Qoʻqon', 'uzb')).toBe('Qoqon');
    expect(transliterate('Türkmenbaşy', 'tuk')).toBe('Turkmenbashy');
    expect(transliterate('Aşgabat', 'tuk')).toBe('Ashgabat');
    expect(transliterate('Qəbələ', 'aze')).toBe('Gabala');
    expect(transliterate('Щучинск', 'rus')).toBe('Shchuchinsk');
    expect(transliterate('Ереван', 'rus')).toBe('Yerevan');
  });

  it('keeps the case of words and leaves English alone', () => {
    expect(transliterate('БАКУ', 'rus')).toBe('BAKU');
    expect(transliterate('Tashkent police', 'eng')).toBe('Tashkent police');
  });
});

describe('toCommonLatin (one lower-case ASCII spelling for every script)', () => {
  it('brings the scripts of one name together', () => {
    expect(toCommonLatin('Шымкент')).toBe('shymkent');
    expect(toCommonLatin('Şymkent')).toBe('shymkent');
    expect(toCommonLatin('Қарағанды')).toBe('karagandy');
    expect(toCommonLatin('Баку')).toBe('baku');
    expect(toCommonLatin('Bakı')).toBe('baki');
    expect(toCommonLatin('Ашхабад')).toBe('ashkhabad');
    expect(toCommonLatin('Xoʻjand')).toBe('khojand');
    expect(toCommonLatin('Хуҷанд')).toBe('khujand');
    expect(toCommonLatin('Gəncə')).toBe('ganca');
    expect(toCommonLatin('Türkmenabat')).toBe('turkmenabat');
  });
});
