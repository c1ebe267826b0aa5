import { describe, expect, it } from 'vitest';
import {
  compareForStory,
  nameKey,
  type StoryEvidence,
  storyEvidenceOf,
  storyFacts,
  toCommonLatin,
} from '../../src/domain/stories.js';
import {
  chooseEnglishReport,
  digitsForNumberWords,
  type StoryReportMember,
  withoutDateline,
} from '../../src/domain/story-english.js';
import { factKeys, factsFromKeys, numericFactKeys } from '../../src/domain/story-keys.js';
import { amountsAgree, matchAmounts, readStoryNumbers } from '../../src/domain/story-numbers.js';
import { placeOf } from '../../src/domain/story-places.js';
import type { DetectedLanguage } from '../../src/domain/types.js';

const facts = (text: string, lang?: DetectedLanguage) => storyFacts('', text, lang);
const numbersOf = (text: string, lang?: DetectedLanguage) => readStoryNumbers(toCommonLatin(text), lang);

function report(lang: DetectedLanguage, publishedAt: string, title: string, body: string): StoryEvidence {
  return storyEvidenceOf({ title, body, lang, publishedAt: new Date(publishedAt) });
}

describe('amounts in English', () => {
  it('reads kilograms, grams and tons however they are written', () => {
    expect(facts('Police seized 3.5 kg of heroin.', 'eng').quantities).toEqual(['3500']);
    expect(facts('Police seized 3.5 kilograms of heroin.', 'eng').quantities).toEqual(['3500']);
    expect(facts('Officers found 700 grams of hashish.', 'eng').quantities).toEqual(['700']);
    expect(facts('Border guards seized 1.2 tons of opium.', 'eng').quantities).toEqual(['1200000']);
    expect(facts('Border guards seized 1.2 tonnes of opium.', 'eng').quantities).toEqual(['1200000']);
  });

  it('reads amounts spelt out, as English style writes numbers under ten', () => {
    expect(digitsForNumberWords('Seven kilograms of heroin and half a kilogram of opium')).toBe(
      '7 kilograms of heroin and 0.5 kilogram of opium',
    );
    expect(
      facts('Police seized seven kilograms of heroin and a ton of precursors.', 'eng').quantities,
    ).toEqual(['1000000', '7000']);
  });

  it('groups thousands with a comma in English only, where Russian writes a decimal comma', () => {
    expect(facts('5,000 tablets and 1,200 poppy plants', 'eng').numbers).toEqual(['1200', '5000']);
    expect(facts('Изъято 1,25 кг гашиша', 'rus').quantities).toEqual(['1250']);
    expect(facts('1.200 ədəd həb götürülüb', 'aze').numbers).toEqual(['1200']);
  });

  it('reads scale words as the whole number in every language', () => {
    expect(facts('promised 500,000 tenge', 'eng').numbers).toEqual(['500000']);
    expect(facts('уәде етілген 500 мың теңге', 'kaz').numbers).toEqual(['500000']);
    expect(facts('обещали 500 тысяч тенге', 'rus').numbers).toEqual(['500000']);
    expect(facts('worth about 1 million soms', 'eng').numbers).toEqual(['1000000']);
    expect(facts('баасы 1 миллион сом', 'kir').numbers).toEqual(['1000000']);
  });
});

describe('round figures', () => {
  it('marks an amount as rounded by a word before or after it, in each language', () => {
    const rounded = [
      ['More than 12 kg of hashish', 'eng'],
      ['over 12 kilograms', 'eng'],
      ['nearly 12 kg', 'eng'],
      ['более 12 килограммов', 'rus'],
      ['около 12 кг', 'rus'],
      ['12 келіден астам', 'kaz'],
      ['12 килограммдан ашык', 'kir'],
      ['12 kilogrammdan ortiq', 'uzb'],
      ['зиёда аз 12 кило', 'tgk'],
      ['12 kiloqramdan çox', 'aze'],
      ['12 kilogramdan gowrak', 'tuk'],
    ] as const;
    for (const [text, lang] of rounded) {
      expect(numbersOf(text, lang), text).toMatchObject({ quantities: [], approxQuantities: ['12000'] });
    }
    expect(numbersOf('12 килограмм 400 грамм', 'kir')).toMatchObject({ quantities: ['12400'] });
  });

  it('reads one unit where a rounding word stands without a number', () => {
    expect(numbersOf('обнаружено более килограмма гашиша', 'rus').approxQuantities).toEqual(['1000']);
    expect(numbersOf('зиёда аз як тонна маводи мухаддир', 'tgk').approxQuantities).toEqual(['1000000']);
    expect(numbersOf('бир килограммдан ашык гашиш', 'kir').approxQuantities).toEqual(['1000']);
  });

  it('reads tons and kilograms written together as one amount', () => {
    expect(numbersOf('1 тонна 120 килограмм', 'kir').quantities).toEqual(['1120000']);
    expect(numbersOf('1 tonna 250 kilogramdan gowrak', 'tuk').approxQuantities).toEqual(['1250000']);
  });

  it('lets a round figure stand for an amount within its rounding step', () => {
    const round = (grams: number) => ({ grams, approximate: true });
    const exact = (grams: number) => ({ grams, approximate: false });
    expect(amountsAgree(round(12_000), exact(12_400))).toBe(true);
    expect(amountsAgree(round(12_000), exact(13_200))).toBe(false);
    expect(amountsAgree(round(800), exact(812))).toBe(true);
    expect(amountsAgree(round(30_000), exact(27_000))).toBe(true);
    expect(amountsAgree(round(1_000_000), exact(1_120_000))).toBe(true);
    expect(amountsAgree(round(300_000), round(200_000))).toBe(false);
    // A rounding at the last written digit of three significant digits or more: 214.56 kg for 214 кг 563 г.
    expect(amountsAgree(exact(214_560), exact(214_563))).toBe(true);
    expect(amountsAgree(exact(272_500), exact(272_504))).toBe(true);
    // …but 3 kg is not 3,2 кг, nor 2 kg 700 g.
    expect(amountsAgree(exact(3000), exact(3200))).toBe(false);
    expect(amountsAgree(exact(2000), exact(700))).toBe(false);
  });

  it('pairs equal amounts before roundings', () => {
    const [round, exact] = [
      { grams: 3000, approximate: true },
      { grams: 3200, approximate: false },
    ];
    expect(matchAmounts([round, exact], [exact])).toEqual([[exact, exact]]);
  });

  it('stores round figures under their own key', () => {
    const rounded = facts('Police seized over 12 kg of hashish on September 18.', 'eng');
    expect(numericFactKeys(rounded)).toEqual(['a:12000', 'd:18-09']);
    expect(factsFromKeys(factKeys(rounded))).toEqual(rounded);
  });
});

describe('dates in English', () => {
  it('reads the orders and forms English uses', () => {
    for (const text of [
      'on September 18',
      'on 18 September',
      'on September 18th',
      'on the 18th of September',
      'on Sept. 18',
      'on Sept.18',
    ]) {
      expect(facts(text, 'eng').dates, text).toEqual(['18-09']);
    }
  });

  it('leaves out the date of a dateline, the day the item was filed', () => {
    const datelines = [
      'BAKU, Azerbaijan, September 25. Officers of the Interior Ministry',
      'DUSHANBE, 23.09.2025 /NIAT Khovar/. Officers of the Drug Control Agency',
      'MOSCOW, September 19. /TASS/. Russia’s Interior Ministry',
      'DUSHANBE, September 22, 2025, Asia-Plus -- Tajik border guards',
      'BISHKEK, Sept. 23 /Kabar/. As part of the Mak operation',
      'Baku. 18 September. REPORT.AZ/ Police officers',
      'БАКУ, 18 сентября /Trend/. Сотрудники полиции',
    ];
    for (const body of datelines) expect(facts(body).dates, body).toEqual([]);
    expect(withoutDateline(datelines[0]!)).toMatch(/^BAKU, Azerbaijan, {13}\. Officers/);
  });

  it('keeps a date that opens a sentence about the event', () => {
    expect(facts('On September 24, a consultation was held in Ashgabat.', 'eng').dates).toEqual(['24-09']);
    expect(facts('26 июн дар Агентии назорати маводи мухаддир', 'tgk').dates).toEqual(['26-06']);
  });
});

describe('names across spellings', () => {
  it('gives the transliterations of one name one key', () => {
    const same = [
      ['Шымкент', 'Shymkent', 'Şımkənt', 'Shimkent'],
      ['Жамбыл', 'Zhambyl', 'Jambyl'],
      ['Хайруллоев', 'Khairulloev', 'Hairulloev'],
      ['Чуйков', 'Chuikov'],
      ['Жуковский', 'Zhukovsky', 'Zhukovskiy'],
      ['Алёхин', 'Alyokhin', 'Alekhin'],
      ['Sumqayıt', 'Sumgait', 'Сумгаит'],
      ['Гафуров', 'Ghafurov', 'Gafurov'],
    ];
    for (const spellings of same) {
      expect(new Set(spellings.map((word) => nameKey(word))).size, spellings.join(' ')).toBe(1);
    }
    expect(nameKey('Gəncə', 'aze')).toBe(nameKey('Ganja'));
    expect(nameKey('Colombia')).toBe(nameKey('Колумбия'));
  });

  it('knows the places whose spellings no consonant frame ties', () => {
    const places: Array<[string, string[]]> = [
      ['almaty', ['Алматы', 'Almaty', 'Алматинской', 'Алматының']],
      ['bishkek', ['Бишкек', 'Bishkek', 'Бишкекте', 'Bishkek’s']],
      ['tashkent', ['Tashkent', 'Toshkent', 'Ташкенте', 'Тошкент']],
      ['baku', ['Baku', 'Bakı', 'Баку', 'Bakının', 'Bakıda', 'Бакинский']],
      ['dushanbe', ['Dushanbe', 'Душанбе']],
      ['ashgabat', ['Ashgabat', 'Aşgabat', 'Ашхабад', 'Aşgabadyň']],
      ['osh', ['Osh', 'Ош', 'Ошто', 'Ошского']],
      ['moscow', ['Moscow', 'Москве', 'Подмосковье']],
    ];
    for (const [place, spellings] of places) {
      for (const word of spellings) expect(placeOf(word), word).toBe(place);
    }
    expect(placeOf('Бакиев')).toBeUndefined();
    expect(placeOf('Issyk', 'Kul')).toBe('issykkul');
    expect(placeOf('Куба')).toBeUndefined();
  });

  it('takes a place for a name wherever it stands, and months for none', () => {
    const english = facts('Shymkent police detained a courier on Monday, September 18.', 'eng');
    const kazakh = facts('Шымкент полицейлері курьерді ұстады.', 'kaz');
    expect(english.names).toEqual(['@shymkent']);
    expect(kazakh.names).toEqual(['@shymkent']);
    expect(english.leadingWords).toEqual([]);
  });
});

describe('an English report beside its twin', () => {
  const kazinformRu = report(
    'rus',
    '2025-09-25T09:30:00+05:00',
    'В Карагандинской области изъяли гашиш',
    'В ходе обыска в гараже в Темиртау обнаружено 12 килограммов 400 граммов гашиша. Задержан 34-летний житель ' +
      'Карагандинской области, начато расследование по статье 297 УК РК.',
  );
  const kazinformEn = report(
    'eng',
    '2025-09-25T11:05:00+05:00',
    'Hashish seized in Karaganda region',
    'ASTANA. KAZINFORM – More than 12 kg of hashish were found in a garage in Temirtau. A 34-year-old resident ' +
      'of Karaganda region was detained and an investigation opened under Article 297 of the Criminal Code.',
  );

  it('joins a rounded amount to the exact one, with the rest of the facts', () => {
    const match = compareForStory(kazinformEn, kazinformRu);
    expect(match).toMatchObject({
      same: true,
      rule: 'shared_facts',
      shared: expect.arrayContaining(['~12000 g ≈ 12400 g', '34', '297']),
    });
  });

  it('keeps apart a report of the same place and kind whose amount differs', () => {
    const nextDay = report(
      'eng',
      '2025-09-26T10:20:00+05:00',
      'Hashish seized in Karaganda region',
      'More than 5 kg of hashish were found in a garage in Temirtau. A 34-year-old resident of Karaganda region ' +
        'was detained under Article 297 of the Criminal Code.',
    );
    expect(compareForStory(nextDay, kazinformRu)).toEqual({ same: false, reason: 'different quantities' });
  });

  it('does not let a dateline date keep the twin out', () => {
    const trend = report(
      'eng',
      '2025-09-25T12:00:00+04:00',
      'Drugs seized in Baku',
      'BAKU, Azerbaijan, September 25. Police detained a 45-year-old resident of Baku with 9.6 kg of marijuana on ' +
        'September 24, the ministry told Trend.',
    );
    const apa = report(
      'aze',
      '2025-09-25T10:40:00+04:00',
      'Bakıda 9,6 kiloqram marixuana götürülüb',
      'Sentyabrın 24-də Bakıda 45 yaşlı şəxsdən 9 kiloqram 600 qram marixuana götürülüb.',
    );
    expect(compareForStory(trend, apa)).toMatchObject({ same: true });
  });
});

describe('chooseEnglishReport', () => {
  const member = (id: number, overrides: Partial<StoryReportMember>): StoryReportMember => ({
    id,
    lang: 'eng',
    official: false,
    status: 'new',
    publishedAt: new Date('2025-09-25T10:00:00Z'),
    ...overrides,
  });

  it('picks an English member, approved first, then official, then the earliest', () => {
    expect(chooseEnglishReport([member(1, { lang: 'rus' }), member(2, {})])).toBe(2);
    expect(chooseEnglishReport([member(1, {}), member(2, { status: 'approved' })])).toBe(2);
    expect(chooseEnglishReport([member(1, {}), member(2, { official: true })])).toBe(2);
    expect(
      chooseEnglishReport([member(3, {}), member(2, { publishedAt: new Date('2025-09-24T10:00:00Z') })]),
    ).toBe(2);
    expect(chooseEnglishReport([member(1, { status: 'filtered' }), member(2, {})])).toBe(2);
  });

  it('passes over rejected reports and answers nothing without an English one', () => {
    expect(chooseEnglishReport([member(1, { status: 'rejected' })])).toBeUndefined();
    expect(chooseEnglishReport([member(1, { lang: 'aze' })])).toBeUndefined();
  });
});
