import { describe, expect, it } from 'vitest';
import { gazetteerPlaceToEnglish } from '../../src/domain/english/gazetteer-english.js';
import { defaultPlaceToEnglish, exonymOf } from '../../src/domain/english/place-names.js';
import { transliterate } from '../../src/domain/text/transliterate.js';

describe('transliterate', () => {
  it('reads each Cyrillic alphabet with its own letters', () => {
    expect(transliterate('Шымкент', 'kaz')).toBe('Shymkent');
    expect(transliterate('Өскемен', 'kaz')).toBe('Oskemen');
    expect(transliterate('Бишкек', 'kir')).toBe('Bishkek');
    expect(transliterate('Жалал-Абад', 'kir')).toBe('Jalal-Abad');
    expect(transliterate('Душанбе', 'tgk')).toBe('Dushanbe');
    expect(transliterate('Хуҷанд', 'tgk')).toBe('Khujand');
    expect(transliterate('Наманган', 'uzb')).toBe('Namangan');
    expect(transliterate('Жиззах', 'uzb')).toBe('Jizzakh');
  });

  it('follows BGN/PCGN for Russian without diacritics', () => {
    expect(transliterate('Екатеринбург', 'rus')).toBe('Yekaterinburg');
    expect(transliterate('Ростов-на-Дону', 'rus')).toBe('Rostov-na-Donu');
    expect(transliterate('Щёлково', 'rus')).toBe('Shchyolkovo');
    expect(transliterate('Йошкар-Ола', 'rus')).toBe('Yoshkar-Ola');
    expect(transliterate('Смоленск', 'rus')).toBe('Smolensk');
  });

  it('spells the Turkic Latin alphabets the English way', () => {
    expect(transliterate('Gəncə', 'aze')).toBe('Ganja');
    expect(transliterate('Lənkəran', 'aze')).toBe('Lankaran');
    expect(transliterate('Naxçıvan', 'aze')).toBe('Nakhchivan');
    expect(transliterate('Şəki', 'aze')).toBe('Shaki');
    expect(transliterate('Aşgabat', 'tuk')).toBe('Ashgabat');
    expect(transliterate('Daşoguz', 'tuk')).toBe('Dashoguz');
    expect(transliterate('Türkmenbaşy', 'tuk')).toBe('Turkmenbashy');
    expect(transliterate('Fargʻona', 'uzb')).toBe('Farghona');
    expect(transliterate('Xorazm', 'uzb')).toBe('Khorazm');
    expect(transliterate('Şymkent', 'kaz')).toBe('Shymkent');
  });

  it('keeps the case of whole words in capitals and leaves English alone', () => {
    expect(transliterate('ШЫМКЕНТ', 'kaz')).toBe('SHYMKENT');
    expect(transliterate('Kokshetau', 'eng')).toBe('Kokshetau');
  });
});

describe('place names in English', () => {
  it('uses the established English name where it differs from the transliteration', () => {
    expect(defaultPlaceToEnglish('Toshkent', 'uzb')).toBe('Tashkent');
    expect(defaultPlaceToEnglish('Тошкент', 'uzb')).toBe('Tashkent');
    expect(defaultPlaceToEnglish('Bakı', 'aze')).toBe('Baku');
    expect(defaultPlaceToEnglish('Ашхабад', 'rus')).toBe('Ashgabat');
    expect(defaultPlaceToEnglish('Худжанд', 'rus')).toBe('Khujand');
    expect(defaultPlaceToEnglish('Қарағанды', 'kaz')).toBe('Karaganda');
    expect(defaultPlaceToEnglish('Москва', 'rus')).toBe('Moscow');
  });

  it('finds declined names of the table', () => {
    expect(exonymOf('Ташкенте', 'rus')).toBe('Tashkent');
    expect(exonymOf('Москве', 'rus')).toBe('Moscow');
    expect(exonymOf('Bakıda', 'aze')).toBe('Baku');
    expect(exonymOf('Алматыда', 'kaz')).toBe('Almaty');
    expect(exonymOf('Toshkentda', 'uzb')).toBe('Tashkent');
    expect(exonymOf('Aşgabatda', 'tuk')).toBe('Ashgabat');
    expect(exonymOf('Пенза', 'rus')).toBeUndefined();
  });

  it('transliterates names outside the table, without quotes', () => {
    expect(defaultPlaceToEnglish('«Шымкент»', 'rus')).toBe('Shymkent');
    expect(defaultPlaceToEnglish('Павлодар', 'kaz')).toBe('Pavlodar');
  });
});

describe('place names from the gazetteer, as the facts stage writes them (declined)', () => {
  it('takes the ending off and gives GeoNames’ English name', () => {
    expect(gazetteerPlaceToEnglish('Шымкенте', 'rus')).toBe('Shymkent');
    expect(gazetteerPlaceToEnglish('Смоленске', 'rus')).toBe('Smolensk');
    expect(gazetteerPlaceToEnglish('Бишкекте', 'kir')).toBe('Bishkek');
    expect(gazetteerPlaceToEnglish('Kulobda', 'tgk')).toBe('Kulob');
    expect(gazetteerPlaceToEnglish('Daşoguzda', 'tuk')).toBe('Dashoguz');
  });

  it('names the kind of unit in English and drops "city"', () => {
    expect(gazetteerPlaceToEnglish('Павлодарской области', 'rus')).toBe('Pavlodar region');
    expect(gazetteerPlaceToEnglish('Абшеронском районе', 'rus')).toBe('Absheron district');
    expect(gazetteerPlaceToEnglish('Toshkent viloyatida', 'uzb')).toBe('Tashkent region');
    expect(gazetteerPlaceToEnglish('Шымкент қаласында', 'kaz')).toBe('Shymkent');
  });

  it('keeps the exonyms first and transliterates what it does not know', () => {
    expect(gazetteerPlaceToEnglish('Toshkent', 'uzb')).toBe('Tashkent');
    expect(gazetteerPlaceToEnglish('Xətai rayonunda', 'aze')).toBe('Khatai district');
  });
});
