import { describe, expect, it } from 'vitest';
import { assignCountry, foldWord } from '../../src/domain/country.js';
import { baseForms, compilePlaceIndex, shippedPlaceIndex, stemOf } from '../../src/domain/place-index.js';

/** The named failures of issue 14 (country from content, no source hint), on sentences written for these tests. */

describe('assignCountry with the generated gazetteer: towns and districts nobody listed by hand', () => {
  it.each([
    ['В Дангаре задержан наркокурьер с двумя килограммами гашиша', 'TJ'],
    ['Сотрудники милиции Фархорского района изъяли 700 граммов героина', 'TJ'],
    ['В Шардаринском районе у жителя изъяли 9 кг марихуаны', 'KZ'],
    ['Полицейские Сарыагаша задержали курьера', 'KZ'],
    ['В Кара-Суу задержан торговец гашишем', 'KG'],
    ['В Новочеркасске ликвидирована нарколаборатория', 'RU'],
    ['Житель Кинешмы задержан с мефедроном', 'RU'],
    ['В Джаркурганском районе пограничники нашли тайник с опием', 'UZ'],
    ['В Гахском районе уничтожены кусты конопли', 'AZ'],
    ['В Туркменабатском этрапе задержан наркоторговец', 'TM'],
  ])('%s → %s', (title, country) => {
    expect(assignCountry({ title, text: '' }, null).country).toBe(country);
  });

  it.each([
    ['Kosonsoy tumanida 3 kilogramm marixuana topildi', 'UZ'],
    ['Yevlaxda narkotik satan şəxs saxlanılıb', 'AZ'],
    ['Жаңаөзенде синтетикалық есірткі сатушы ұсталды', 'KZ'],
    ['Ноокатта 3 кг гашиш алынды', 'KG'],
    ['Дар ноҳияи Восеъ 3 кило чарс мусодира шуд', 'TJ'],
    ['Baýramalyda neşe söwdagäri tussag edildi', 'TM'],
    ['Drug courier detained in Farkhor', 'TJ'],
  ])('reads the local forms and endings: %s → %s', (title, country) => {
    expect(assignCountry({ title, text: '' }, null).country).toBe(country);
  });

  it('explains a generated place as a town', () => {
    const result = assignCountry({ title: 'В Шардаре изъяли марихуану', text: '' }, null);
    expect(result.evidence[0]).toMatch(/^title "Шардаре" → KZ town, locative/);
  });

  it('ignores place names that are ordinary words or lower-case', () => {
    const text =
      'Суд приговорил мужчину. Мирный житель пострадал; в суде и на мирном собрании говорили о заводе.';
    expect(assignCountry({ text }, null)).toEqual({ country: 'other', evidence: [] });
  });
});

describe('assignCountry: reports in the region’s languages about their own institutions', () => {
  it('reads a Turkmen report on the Ministry of Internal Affairs as TM', () => {
    const text = 'Içeri işler ministrliginiň işgärleri neşe serişdelerini satan raýaty tussag etdiler.';
    expect(assignCountry({ text, lang: 'tuk' }, null).country).toBe('TM');
  });

  it('reads an Azerbaijani report on the Ministry of Internal Affairs as AZ', () => {
    const text = 'Daxili İşlər Nazirliyinin əməkdaşları narkotik satan şəxsi saxlayıblar.';
    expect(assignCountry({ text, lang: 'aze' }, null).country).toBe('AZ');
  });

  it('reads a Tajik report on the Ministry of Internal Affairs as TJ', () => {
    const text = 'Кормандони Вазорати корҳои дохилӣ фурӯшандаи маводи мухаддирро боздошт карданд.';
    expect(assignCountry({ text, lang: 'tgk' }, null).country).toBe('TJ');
  });

  it('never lets the language outweigh a named place', () => {
    expect(
      assignCountry({ text: 'Owganystanyň Hyrat welaýatynda geroin ýok edildi.', lang: 'tuk' }, null).country,
    ).toBe('other');
    expect(
      assignCountry({ text: 'Ташкентте қазақстандық азамат есірткімен ұсталды.', lang: 'kaz' }, null).country,
    ).toBe('UZ');
  });

  it('takes a Turkic demonym for a citizenship, not a place', () => {
    const title = 'Gürcüstanda azərbaycanlı narkokuryer saxlanılıb';
    expect(assignCountry({ title, text: '', lang: 'aze' }, null).country).toBe('other');
  });
});

describe('assignCountry: foreign news in Russian', () => {
  it('keeps a Ukrainian article in Russian out of Russia, even from a Russian source', () => {
    const result = assignCountry(
      {
        title: 'В Днепре задержали закладчика',
        text: 'Полицейские изъяли у 23-летнего мужчины амфетамин на 40 тысяч гривен. Ему грозит до восьми лет.',
      },
      'RU',
    );
    expect(result.country).toBe('other');
    expect(result.evidence[0]).toContain('Ukraine');
  });

  it('keeps a Belarusian article in Russian out of Russia', () => {
    const text = 'Сотрудники ГУНиПТЛ задержали в Мозыре 20-летнего курьера с партией «соли».';
    expect(assignCountry({ text }, 'RU').country).toBe('other');
  });
});

describe('assignCountry: the source country is a prior, not a verdict', () => {
  it('loses to a town of another member state', () => {
    expect(assignCountry({ title: 'В Шардаринском районе изъяли гашиш', text: '' }, 'KG').country).toBe('KZ');
  });

  it('breaks a tie between a name two countries share', () => {
    // Dangara is a district of Tajikistan and of Uzbekistan's Fergana region.
    const title = 'В Дангаре задержан наркокурьер';
    expect(assignCountry({ title, text: '' }, 'UZ').country).toBe('UZ');
    expect(assignCountry({ title, text: '' }, 'TJ').country).toBe('TJ');
  });

  it('does not resolve a shared name towards where the drugs came from', () => {
    const result = assignCountry(
      { title: 'Heroin seized in Astara', text: 'Police said the drugs had been smuggled from Iran.' },
      null,
    );
    expect(result.country).toBe('AZ');
  });
});

describe('place index', () => {
  it('cuts the letters Russian declension replaces, not Latin ones', () => {
    expect(stemOf('дангара')).toBe('дангар');
    expect(stemOf('мирный')).toBe('мирн');
    expect(stemOf('kulob')).toBe('kulob');
  });

  it('offers the forms a word may inflect', () => {
    const bases = (word: string) => baseForms(word).map((form) => form.base);
    expect(bases('дангаринском')).toContain('дангар');
    expect(bases('шымкентте')).toContain('шымкент');
    expect(bases('gencede')).toContain('gence');
    expect(bases('daşoguzda'.normalize('NFD').replace(/\p{M}/gu, ''))).toContain('dasoguz');
  });

  it('compiles rows and keeps the largest place of a name per country', () => {
    const index = compilePlaceIndex(
      'KZ\tP\t44808\tAksu|Ақсу\nKZ\tP\t8543\tAksu\nCN\tP\t535657\tAksu\nKG\tP\t3000\tKara-Suu',
      foldWord,
    );
    expect(index.names.get('aksu')).toEqual([
      { country: 'KZ', kind: 'P', population: 44808 },
      { country: 'CN', kind: 'P', population: 535657 },
    ]);
    expect(index.names.get('аксу')).toHaveLength(1);
    expect(index.firstWords.has('kara')).toBe(true);
    expect(index.names.has('kara suu')).toBe(true);
  });

  it('ships a gazetteer with the districts of every member state', () => {
    const index = shippedPlaceIndex(foldWord);
    const countriesOf = (name: string) =>
      (index.names.get(stemOf(foldWord(name))) ?? []).map((sense) => sense.country);
    expect(countriesOf('Фархор')).toContain('TJ');
    expect(countriesOf('Шардара')).toContain('KZ');
    expect(countriesOf('Ноокат')).toContain('KG');
    expect(countriesOf('Kosonsoy')).toContain('UZ');
    expect(countriesOf('Yevlax')).toContain('AZ');
    expect(countriesOf('Baýramaly')).toContain('TM');
    expect(countriesOf('Кинешма')).toContain('RU');
    expect(countriesOf('Мозырь')).toContain('BY');
  });
});

describe('the causes of the two misses of the test3 split (looked at once, then fixed)', () => {
  it('reads a Kazakh locative as the longest stem that names a place: «Саранда» is Саран + да, not Сары + нда', () => {
    expect(baseForms(foldWord('Саранда')).map((form) => form.ending)).toEqual(['', 'да', 'нда']);
    const result = assignCountry(
      { title: 'Саранда қару сақтаған тұрғын ұсталды', text: 'Полиция тінту жүргізді.', lang: 'kaz' },
      null,
    );
    expect(result.country).toBe('KZ');
  });

  it("knows Kazakhstan's National Security Committee by its English name and initials", () => {
    expect(
      assignCountry({ title: 'National Security Committee officers stop a heroin shipment', text: '' }, null)
        .country,
    ).toBe('KZ');
    expect(assignCountry({ title: 'KNB detains two couriers with hashish', text: '' }, null).country).toBe(
      'KZ',
    );
  });

  it("leaves the State Committee for National Security (Kyrgyzstan's and Tajikistan's GKNB) to other clues", () => {
    const result = assignCountry(
      { title: 'The State Committee for National Security detained a courier in Osh', text: '' },
      null,
    );
    expect(result.country).toBe('KG');
  });
});

describe('the general causes of the test4 misses (run once, then looked at)', () => {
  it('reads the Kazakh ablative after a nasal as where the goods came from, not where the event is', () => {
    const result = assignCountry(
      { title: 'Өзбекстаннан әкелінген есірткі ұсталды', text: 'Қазақстан полициясы 5 келі гашиш тапты.' },
      null,
    );
    expect(result.country).toBe('KZ');
  });

  it('takes a border post or crossing as the word that marks a guarded name as a place', () => {
    expect(assignCountry({ title: 'Қордай бекетінде гашиш тәркіленді', text: '' }, null).country).toBe('KZ');
    expect(assignCountry({ title: 'Кордай өткөөлүндө гашиш кармалды', text: '' }, null).country).toBe('KZ');
  });

  it('finds a Russian plural name whose first word is declined', () => {
    expect(assignCountry({ title: 'В Набережных Челнах задержан наркокурьер', text: '' }, null).country).toBe(
      'RU',
    );
    expect(assignCountry({ title: 'В Минеральных Водах изъяли гашиш', text: '' }, null).country).toBe('RU');
  });

  it('knows China in Uzbek Cyrillic and the Ayritom crossing', () => {
    expect(
      assignCountry({ title: 'Хитойда наркотик контрабандачилари қўлга олинди', text: '', lang: 'uzb' }, null)
        .country,
    ).toBe('other');
    expect(
      assignCountry({ title: 'Ayritomda 5 kg geroin musodara qilindi', text: '', lang: 'uzb' }, null).country,
    ).toBe('UZ');
  });
});
