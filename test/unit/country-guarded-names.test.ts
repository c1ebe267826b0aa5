import { describe, expect, it } from 'vitest';
import { assignCountry, foldWord } from '../../src/domain/country.js';
import { compilePlaceIndex, shippedPlaceIndex, stemOf } from '../../src/domain/place-index.js';

/** Sentences written for these tests, after how the region's outlets report (none from the eval sets). */

const countryOf = (title: string, lang?: 'rus' | 'kaz' | 'kir' | 'uzb' | 'tgk' | 'tuk' | 'aze' | 'eng') =>
  assignCountry({ title, text: '', lang }, null).country;

describe('guarded names: ordinary words and people’s names that also name a town', () => {
  it('takes such a name where the grammar marks a place', () => {
    // Kitob ("book") and Muborak ("blessed") head districts of Kashkadarya.
    expect(countryOf('Kitob tumanida 2 kg gashish topildi')).toBe('UZ');
    expect(countryOf('Muborakda opiy sotgan shaxs ushlandi')).toBe('UZ');
    expect(countryOf('В Мубареке задержан торговец опием')).toBe('UZ');
    // Mary, a woman's name in English, is Turkmenistan's fourth city.
    expect(countryOf('Police seized heroin in Mary', 'eng')).toBe('TM');
    // A town's police name the town: "Kerki police".
    expect(countryOf('Kerki police detained a heroin seller', 'eng')).toBe('TM');
  });

  it('ignores it where nothing marks a place', () => {
    expect(countryOf('Kitob do‘konida sotuvchi ushlandi')).toBe('other');
    expect(countryOf('Mary Johnson told reporters the heroin had been seized', 'eng')).toBe('other');
  });

  it('does not take a Russian adjective before a noun for a town', () => {
    expect(countryOf('В Белом доме заявили о новых санкциях', 'rus')).toBe('other');
    expect(countryOf('На Красной площади прошёл концерт', 'rus')).not.toBe('TJ');
  });

  it('prefers the unguarded sense of a name, and marks the guarded ones in the data with ~', () => {
    const index = compilePlaceIndex('UZ\tA2\t0\t~Kitob\nUZ\tP\t40800\tKitob\nTJ\tP\t0\t~Kitob', foldWord);
    expect(index.names.get('kitob')).toEqual([
      { country: 'UZ', kind: 'P', population: 40800 },
      { country: 'TJ', kind: 'P', population: 0, guarded: true },
    ]);
  });
});

describe('endings by the text’s language', () => {
  it('reads Turkic endings only in Turkic texts', () => {
    expect(countryOf('Команда проекта выпустила обновление', 'rus')).toBe('other');
    expect(countryOf('Ноокатта 3 кг гашиш алынды', 'kir')).toBe('KG');
  });

  it('finds a compound name whose later word is short and declined', () => {
    expect(countryOf('В Кызыл-Кие задержан сбытчик героина', 'rus')).toBe('KG');
  });
});

describe('spellings the gazetteer makes by rule', () => {
  it.each([
    ['В Денау задержан перевозчик опия', 'UZ'],
    ['В Шуроабаде пограничники изъяли опий', 'TJ'],
    ['Дар Ховалинг як сокин бо ҳашиш дастгир шуд', 'TJ'],
    ['В Джиликульском районе изъяли гашиш', 'TJ'],
    ['В Геокдепе задержан продавец героина', 'TM'],
    ['Ekibastuzda 2 keli marıhýana tárkilendi', 'KZ'],
    ['Rýdnyı qalasynda esirtki satqan jigit ustaldy', 'KZ'],
    ['Police seized heroin in Turkmenabat', 'TM'],
  ])('%s → %s', (title, country) => {
    expect(countryOf(title)).toBe(country);
  });

  it('knows Afghan towns by their Tajik names', () => {
    expect(countryOf('Дар Мазори Шариф 3 тонна маводи мухаддир сӯзонда шуд')).toBe('other');
  });

  it('ships the spellings', () => {
    const index = shippedPlaceIndex(foldWord);
    const countriesOf = (name: string) =>
      (index.names.get(stemOf(foldWord(name))) ?? []).map((sense) => sense.country);
    expect(countriesOf('Джаркурган')).toContain('UZ');
    expect(countriesOf('Қумқўрғон')).toContain('UZ');
    expect(countriesOf('Муминабад')).toContain('TJ');
    expect(countriesOf('Тахтабазар')).toContain('TM');
    expect(countriesOf('Kentaý')).toContain('KZ');
  });
});

describe('agencies and who acts', () => {
  it.each([
    ['ДКНБ перекрыл канал контрабанды гашиша', 'KZ'],
    ['Сотрудники ГУБН изъяли 12 кг героина', 'AZ'],
    ['Служба по борьбе с незаконным оборотом наркотиков задержала курьера', 'KG'],
    ['Государственная служба по борьбе с наркотиками изъяла героин', 'TM'],
    ['Narkotiklərlə Mübarizə Baş İdarəsi 30 kiloqram heroin götürüb', 'AZ'],
    ['Neşe serişdelerine garşy göreş boýunça döwlet gullugy 10 kilogram geroin ele saldy', 'TM'],
    ['Агентии назорати маводи мухаддир 5 кило ҳашиш мусодира кард', 'TJ'],
    ['Davlat xavfsizlik xizmati 40 kg gashishni musodara qildi', 'UZ'],
  ])('%s → %s', (title, country) => {
    expect(countryOf(title)).toBe(country);
  });

  it('takes the country whose police act over the citizenship of the detained', () => {
    const title = 'Кыргызстандык жаран кармалды';
    const text = 'Казакстандын укук коргоо органдары андан 2 килограмм гашиш алышты.';
    expect(assignCountry({ title, text, lang: 'kir' }, null).country).toBe('KZ');
  });
});

describe('citizens abroad, in every language', () => {
  it.each([
    ['Жительница Узбекистана задержана в Дубае с таблетками', 'rus', 'other'],
    ['Өзбекстандын жараны Алматыда кармалды', 'kir', 'KZ'],
    ['Шаҳрванди Қазоқистон дар Туркия бо героин боздошт шуд', 'tgk', 'other'],
    ['Türkmen raýaty Dubaýda neşe serişdesi bilen tutuldy', 'tuk', 'other'],
    ['Қазақстан азаматы Түркияда кокаинмен ұсталды', 'kaz', 'other'],
  ] as const)('%s → %s', (title, lang, country) => {
    expect(countryOf(title, lang)).toBe(country);
  });

  it('still reads a resident of a town as the town’s news', () => {
    expect(countryOf('Житель Кара-Балты задержан с гашишем', 'rus')).toBe('KG');
  });
});
