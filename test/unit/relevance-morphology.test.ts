import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/config/keywords.js';
import { compileLexicon, normalizeForMatching } from '../../src/domain/keywords.js';
import { scoreRelevance } from '../../src/domain/relevance.js';
import type { Language, Script } from '../../src/domain/types.js';

const lexicon = loadLexicon();

interface Case {
  lang: Language;
  script: Script;
  /** Short reports (written for this test) whose drug word is inflected, or typed without the language's letters. */
  found: string[];
  /** Hard negatives: medicine, pharmacy, police and customs news without drugs, look-alike words. */
  notFound: string[];
}

const cases: Case[] = [
  {
    lang: 'rus',
    script: 'Cyrl',
    found: [
      'У задержанного изъяли 5 кг героина',
      'Наркокурьера задержали на границе',
      'Школьникам рассказали о вреде наркотиков',
      'На огороде нашли кусты опийного мака',
    ],
    notFound: [
      'Операцию провели под общим наркозом',
      'Столица ЦАР Банги осталась без света',
      'Вышел роман Лидии Чарской',
      'Таможенники изъяли контрабандные сигареты',
    ],
  },
  {
    lang: 'kaz',
    script: 'Cyrl',
    found: [
      'Есірткінің заңсыз айналымына қарсы күрес күшейді',
      'Нашақорлықтың алдын алу бойынша кездесу өтті',
      'Полиция апиынды тәркіледі',
      'Есирткі сатқан адам ұсталды',
    ],
    notFound: ['Дәріханаларда дәрі-дәрмек қымбаттады', 'Кеденшілер контрабандалық темекіні тәркіледі'],
  },
  {
    lang: 'kaz',
    script: 'Latn',
    found: [
      'Polısıa esirtkiniń zańsyz aınalymyn anyqtady',
      'Oqýshylarǵa nashaqorlyqtyń zıany aıtyldy',
      'Esırtkınıñ zañsyz ainalymy anyqtaldy',
      'Naşaqorlyqtyñ aldyn alu şarasy ötti',
    ],
    notFound: ['Dárihanalarda dári-dármek qymbattady', 'Polısıa telefon alaıaqtaryn ustady'],
  },
  {
    lang: 'kaz',
    script: 'Arab',
    found: [
      'ساقشىلار ەسىرتكىنىڭ زاڭسىز اينالىمىن اشكەرەلەدى',
      'وقۋشىلارعا ناشاقورلىقتىڭ زيانى ءتۇسىندىرىلدى',
    ],
    notFound: ['دارىحانادا دارىلەردىڭ باعاسى ءوستى', 'ساقشىلار مال ۇرلاعان ادامدى ۇستادى'],
  },
  {
    lang: 'kir',
    script: 'Cyrl',
    found: [
      'Баңгизаттарды мыйзамсыз жүгүртүүгө каршы күрөш',
      'Баңгиликтин алдын алуу боюнча жолугушуу',
      'Милиция апийимди алып койду',
      'Бангизат саткан жигит кармалды',
    ],
    notFound: ['Дарыканаларда дарылардын баасы өстү', 'Банги шаарында шайлоо өттү', 'Бажыда тамеки кармалды'],
  },
  {
    lang: 'uzb',
    script: 'Latn',
    found: [
      'Giyohvandlikka qarshi kurash kuchaytirildi',
      'Giyohvand moddalarni sotgan shaxs ushlandi',
      'Qoradorini olib o‘tmoqchi bo‘lgan shaxs ushlandi',
      ...['ʻ', "'", '’', '‘', ''].map((apostrophe) => `Yuk mashinasidan ko${apostrophe}knorini topishdi`),
    ],
    notFound: [
      'Dorixonalarda dori vositalarining narxi oshdi',
      'Bemor umumiy narkoz ostida operatsiya qilindi',
      'Bojxonachilar sigaret kontrabandasini aniqladi',
    ],
  },
  {
    lang: 'uzb',
    script: 'Cyrl',
    found: [
      'Гиёҳвандликнинг олдини олиш бўйича тадбир',
      'Гиёхванд моддалар мусодара қилинди',
      'Юк машинасидан кукнори топилди',
    ],
    notFound: ['Дорихоналарда дори воситалари нархи ошди', 'Божхонада сигарет олиб қўйилди'],
  },
  {
    lang: 'tgk',
    script: 'Cyrl',
    found: [
      'Маводи мухаддирро мусодира карданд',
      'Пешгирии нашъамандӣ дар байни ҷавонон',
      'Нашаванд-ҳо боздошт шуданд',
      'Нашъачаллобон дастгир шуданд',
      'Мубориза бо нашъаманди дар мактабхо',
    ],
    notFound: ['Нархи доруҳо дар дорухонаҳо боло рафт', 'Бемор таҳти наркоз ҷарроҳӣ шуд'],
  },
  {
    lang: 'tuk',
    script: 'Latn',
    found: [
      'Neşe serişdeleriniň bikanun dolanyşygyna garşy göreş',
      'Polisiýa neşäni ele saldy',
      'Ýaşlaryň arasynda neşekeşligiň öňüni almak',
      'Serhetde tirýegi saklanyldy',
    ],
    notFound: ['Derman serişdeleriniň bahasy durnukly', 'Gümrükde gaçak çilim saklanyldy'],
  },
  {
    lang: 'aze',
    script: 'Latn',
    found: [
      'Narkotik vasitələrin qanunsuz dövriyyəsinə qarşı mübarizə',
      'Narkotacirlər həbs olunub',
      'Polis nəşəni götürüb',
      'Narkotiklerin qanunsuz dovriyyesi ile mubarize',
    ],
    notFound: [
      'Dərman vasitələrinin qiymətləri bahalaşıb',
      'Pasiyentə ümumi narkoz altında əməliyyat edilib',
    ],
  },
  {
    lang: 'eng',
    script: 'Latn',
    found: [
      'Drug traffickers detained on the border',
      'Police dismantle a drug ring in Osh',
      'Customs seize narcotics in a truck',
      'Border guards seized 20 kg of hashish',
    ],
    notFound: [
      'FDA approves new drug for Alzheimer’s disease',
      'Pharmaceutical company opens plant in Tashkent',
      'Drug prices rise by 15 percent',
      'The medicines agency recommends approval of the drug',
      'Drug registration simplified for imported medicines',
      'Customs officers seize counterfeit drugs worth $2 million',
    ],
  },
];

describe.each(cases)('the lexicon in $lang ($script)', ({ lang, script, found, notFound }) => {
  it.each(found)('finds %s', (text) => {
    const result = scoreRelevance({ text, lang, script }, lexicon);
    expect({ relevant: result.relevant, matched: result.matched }).toMatchObject({ relevant: true });
  });

  it.each(notFound)('passes over %s', (text) => {
    const result = scoreRelevance({ text, lang, script }, lexicon);
    expect({ relevant: result.relevant, matched: result.matched }).toMatchObject({ relevant: false });
  });
});

describe('normalizeForMatching folds the spellings of one word', () => {
  it.each([
    ['Kazakh Latin of 2018 and 2021', 'TÁRKILENDI', 'tärkılendı', 'tarkilendi'],
    ['Kazakh Cyrillic typed on a Russian keyboard', 'есірткі', 'есиртки', 'есиртки'],
    ['Tajik typed without its letters', 'нашъамандӣ', 'нашъаманди', 'нашъаманди'],
    ['Azerbaijani typed without its letters', 'narkotiklərin', 'narkotiklerin', 'narkotiklerin'],
    ['Turkmen and Azerbaijani', 'neşe', 'nəşə', 'neshe'],
    ['Arabic-script Kazakh with the front-vowel sign and a Persian yeh', 'ٴدارىس', 'دارىس', 'دارىس'],
  ])('%s', (_label, a, b, folded) => {
    expect(normalizeForMatching(a)).toBe(folded);
    expect(normalizeForMatching(b)).toBe(folded);
  });
});

describe('a term with an apostrophe', () => {
  const tiny = compileLexicon({
    threshold: 4,
    title_multiplier: 2,
    repeat_cap: 3,
    near_window: 5,
    groups: [{ id: 'poppy', lang: 'uzb', weight: 4, terms: ["ko'knori*", "qo'lga olin*"] }],
  });

  it('finds the word with any apostrophe or none, and the stem its suffixes', () => {
    for (const text of ['koʻknori', "ko'knorini", 'ko’knori', 'koknorini', 'qolga olindi']) {
      expect(scoreRelevance({ text }, tiny).relevant).toBe(true);
    }
  });

  it('still matches only at a word start', () => {
    expect(scoreRelevance({ text: 'xoknori akoknori' }, tiny).relevant).toBe(false);
  });
});

describe('reading a text in the other languages of its script', () => {
  it('keeps a Kazakh Latin report that detection took for Azerbaijani', () => {
    const text = 'Polısıa esirtki satqan kúdiktini ustady';
    expect(scoreRelevance({ text, lang: 'aze', script: 'Latn' }, lexicon)).toMatchObject({
      relevant: true,
      matched: expect.arrayContaining([expect.objectContaining({ term: 'esirtki*', lang: 'kaz' })]),
    });
  });

  it('needs the script to look beyond the detected language', () => {
    expect(
      scoreRelevance({ text: 'Polısıa esirtki satqan kúdiktini ustady', lang: 'aze' }, lexicon).relevant,
    ).toBe(false);
  });

  it('does not let another language’s context words lift a text that has none of its own drug words', () => {
    // "polis*" is an Azerbaijani and Kazakh context word; "opioid" alone is a medical word (3).
    const text = 'The opioid policy of the health ministry was discussed by the polis council';
    expect(scoreRelevance({ text, lang: 'eng', script: 'Latn' }, lexicon).relevant).toBe(false);
  });
});
