import { describe, expect, it } from 'vitest';
import { loadDrugGlossary } from '../../src/config/drug-glossary.js';
import { loadEnglishGlossary } from '../../src/config/english-glossary.js';
import type { Seizure, SeizureFacts, SubstanceId } from '../../src/domain/english/facts.js';
import { type SuggestionItem, suggestEnglish } from '../../src/domain/english/suggest.js';
import { extractSeizureFacts } from '../../src/domain/seizure-facts.js';
import type { Language } from '../../src/domain/types.js';

const glossary = loadEnglishGlossary();

/**
 * Hand-written items in each language, with the title an editor of the release would give them from what the
 * item says (its facts as the facts stage reports them: substances as their English ids, grams, places as
 * written). Where the body adds facts, the expected gist sentences are written out too.
 */
interface Case {
  name: string;
  item: SuggestionItem;
  title: string;
  body?: string;
}

const facts = (fields: Partial<SeizureFacts>): SeizureFacts => ({ seizures: [], ...fields });

const CASES: Case[] = [
  {
    name: 'rus: a seizure with its place, amount, people detained and article',
    item: {
      title: 'В Шымкенте полицейские изъяли 2,5 кг гашиша',
      body: 'Двое жителей области задержаны, возбуждено уголовное дело по статье 297 УК РК.',
      lang: 'rus',
      facts: facts({
        seizures: [{ substance: 'hashish', grams: 2500 }],
        place: 'Шымкент',
        detained: 2,
        article: '297',
      }),
      publishedAt: '2025-09-21T05:00:00Z',
      sourceName: 'Tengrinews.kz',
    },
    title: 'IN SHYMKENT, 2.5 KG OF HASHISH WERE SEIZED',
    body:
      'In Shymkent, 2.5 kg of hashish were seized. The report says that 2 people were detained. ' +
      'The report cites Article 297 of the Criminal Code. Published by Tengrinews.kz on 21 September 2025.',
  },
  {
    name: 'kaz: a lecture by the police for schoolchildren',
    item: {
      title: 'Полицейлер оқушыларға есірткінің зияны туралы дәріс оқыды',
      body: 'Павлодар облысының полиция қызметкерлері №15 мектептің оқушыларымен кездесті.',
      lang: 'kaz',
      facts: facts({ place: 'Павлодар' }),
    },
    title: 'POLICE OFFICERS IN PAVLODAR HELD A PREVENTIVE LECTURE FOR SCHOOLCHILDREN',
  },
  {
    name: 'kaz (Latin): a seizure',
    item: {
      title: 'Şymkentte 2 keli geroin tärkilendi',
      body: 'Polisia qyzmetkerleri tūrğynnyñ köliginen 2 keli geroin tapty.',
      lang: 'kaz',
      facts: facts({ seizures: [{ substance: 'heroin', grams: 2000 }], place: 'Şymkent' }),
    },
    title: 'IN SHYMKENT, 2 KG OF HEROIN WERE SEIZED',
  },
  {
    name: 'kir: a dealer detained with heroin',
    item: {
      title: 'Бишкекте баңгизат саткан шектүү кармалды',
      body: 'СБНОНдун кызматкерлери 24 жаштагы жигитти кармашты. Андан 15 грамм героин алынды.',
      lang: 'kir',
      facts: facts({ seizures: [{ substance: 'heroin', grams: 15 }], place: 'Бишкек', detained: 1 }),
    },
    title: 'IN BISHKEK, A DRUG DEALER WAS DETAINED WITH 15 GRAMS OF HEROIN',
    body:
      'In Bishkek, a drug dealer was detained with 15 grams of heroin. ' +
      'The report names the Service for Combating Illegal Drug Trafficking (SBNON).',
  },
  {
    name: 'uzb (Latin): seized drugs burned',
    item: {
      title: 'Toshkentda 2 tonnadan ortiq giyohvand modda yoqib yuborildi',
      body: 'Sud hukmi qonuniy kuchga kirgan jinoyat ishlari boʻyicha ashyoviy dalil sifatida saqlangan giyohvandlik vositalari yoʻq qilindi.',
      lang: 'uzb',
      facts: facts({
        seizures: [
          { substance: 'heroin', grams: 1_200_000 },
          { substance: 'hashish', grams: 850_000 },
        ],
        place: 'Toshkent',
      }),
    },
    title: 'IN TASHKENT, 1.2 TONNES OF HEROIN AND 850 KG OF HASHISH WERE BURNED',
  },
  {
    name: 'uzb (Cyrillic): a sentence',
    item: {
      title: 'Гиёҳванд модда сотган шахс 10 йилга озодликдан маҳрум қилинди',
      body: 'Самарқанд вилоят судининг ҳукми билан судланувчи 10 йил озодликдан маҳрум қилинди. У 3 кг гашиш сотган.',
      lang: 'uzb',
      facts: facts({ seizures: [{ substance: 'hashish', grams: 3000 }], place: 'Самарқанд' }),
    },
    title: 'IN SAMARKAND, A COURT SENTENCED A DRUG DEALER IN A CASE INVOLVING 3 KG OF HASHISH',
  },
  {
    name: 'tgk: a laboratory shut down by the security service',
    item: {
      title: 'Дар Душанбе лабораторияи пинҳонии истеҳсоли маводи мухаддир ошкор шуд',
      body: 'Кормандони КДАМ дар таҳхонаи хонаи истиқоматӣ лабораторияеро ошкор карданд. Аз ҷои ҳодиса 3 кг мефедрон мусодира шуд.',
      lang: 'tgk',
      facts: facts({ seizures: [{ substance: 'mephedrone', grams: 3000 }], place: 'Душанбе' }),
    },
    title:
      'NATIONAL SECURITY OFFICERS IN DUSHANBE LIQUIDATED A DRUG LABORATORY, AND 3 KG OF MEPHEDRONE WERE SEIZED',
  },
  {
    name: 'tuk: a meeting of the minister with UNODC',
    item: {
      title:
        'Türkmenistanyň Içeri işler ministri BMG-niň Neşe serişdeleri we jenaýatçylyk boýunça edarasynyň wekili bilen duşuşdy',
      body: 'Taraplar hyzmatdaşlygy giňeltmek meselelerini ara alyp maslahatlaşdylar.',
      lang: 'tuk',
      facts: facts({ place: 'Aşgabat' }),
    },
    title:
      'A MEETING ON COUNTERING DRUG TRAFFICKING WAS HELD IN ASHGABAT WITH THE PARTICIPATION OF MVD AND UNODC',
    body:
      'A meeting on countering drug trafficking was held in Ashgabat with the participation of the Ministry of ' +
      'Internal Affairs (MVD) and UNODC. The report names the Ministry of Internal Affairs (MVD) and UNODC.',
  },
  {
    name: 'aze: a raid by the police',
    item: {
      title: 'Bakıda gecə klublarında reyd keçirilib',
      body: 'Polis əməkdaşları kinoloqlarla birlikdə əyləncə məkanlarında reyd həyata keçiriblər.',
      lang: 'aze',
      facts: facts({ place: 'Bakı' }),
    },
    title: 'POLICE OFFICERS IN BAKU CONDUCTED AN ANTI-DRUG RAID',
  },
  {
    name: 'eng: a bill approved by the Mazhilis',
    item: {
      title: 'Mazhilis approves bill toughening penalties for selling synthetic drugs',
      body: 'Deputies passed in the first reading amendments to the Criminal Code.',
      lang: 'eng',
      facts: facts({}),
    },
    title: 'MAZHILIS APPROVED A BILL ON COMBATING DRUGS',
  },
  {
    name: 'rus: figures since the beginning of the year',
    item: {
      title: 'С начала года полицейские Алматы изъяли 120 кг героина',
      body: 'Зарегистрировано 50 наркопреступлений.',
      lang: 'rus',
      facts: facts({ seizures: [{ substance: 'heroin', grams: 120_000 }], place: 'Алматы' }),
    },
    title: 'IN ALMATY, 120 KG OF HEROIN WERE SEIZED SINCE THE BEGINNING OF THE YEAR',
  },
  {
    name: 'rus: a period’s totals, which the facts stage keeps apart from the event’s seizures',
    item: {
      title: 'С начала года полицейские Казахстана изъяли 150 кг героина',
      body: 'Зарегистрировано 900 наркопреступлений.',
      lang: 'rus',
      facts: facts({ statistics: [{ substance: 'heroin', grams: 150_000 }], place: 'Казахстан' }),
    },
    title: 'IN KAZAKHSTAN, 150 KG OF HEROIN WERE SEIZED SINCE THE BEGINNING OF THE YEAR',
  },
  {
    name: 'rus: a destruction without amounts',
    item: {
      title: 'В Бохтаре уничтожены наркотики',
      body: 'Церемония прошла в присутствии представителей прокуратуры.',
      lang: 'rus',
      facts: facts({ place: 'Бохтар' }),
    },
    title: 'IN BOKHTAR, SEIZED DRUGS WERE DESTROYED',
    body: "In Bokhtar, seized drugs were destroyed. The report names the Prosecutor's Office.",
  },
  {
    name: 'kir: an operation with its name',
    item: {
      title: '«Мак-2025» операциясы башталды',
      body: 'Оперативдик-алдын алуу иш-чарасына милиция кызматкерлери катышат.',
      lang: 'kir',
      facts: facts({ operation: 'Мак-2025', place: 'Нарын' }),
    },
    title: 'POLICE OFFICERS IN NARYN CONDUCTED OPERATION “MAK-2025”',
  },
  {
    name: 'tgk: a tablet seizure at the border, three substances',
    item: {
      title: 'Дар марз маводи мухаддир мусодира шуд',
      body: 'Сарҳадбонон маводи мухаддирро мусодира карданд.',
      lang: 'tgk',
      facts: facts({
        seizures: [
          { substance: 'tramadol', count: 1200, unit: 'tablets' },
          { substance: 'hashish', grams: 40_000 },
          { substance: 'opium', grams: 700 },
        ],
      }),
    },
    title: 'BORDER GUARDS SEIZED 1,200 TABLETS OF TRAMADOL, 40 KG OF HASHISH AND OTHER DRUGS',
    body:
      'Border guards seized 1,200 tablets of tramadol, 40 kg of hashish and 700 grams of opium. ' +
      'The report names the Border Service.',
  },
];

describe('suggestEnglish: titles in the house style', () => {
  for (const { name, item, title, body } of CASES) {
    it(name, () => {
      const suggestion = suggestEnglish(item, glossary);
      expect(suggestion?.provenance).toBe('template');
      expect(suggestion?.title).toBe(title);
      if (body) expect(suggestion?.body).toBe(body);
    });
  }

  it('lists the facts it used, with their originals', () => {
    const suggestion = suggestEnglish(CASES[0]!.item, glossary)!;
    expect(suggestion.eventType).toBe('seizure');
    expect(suggestion.factsUsed).toEqual(
      expect.arrayContaining([
        { fact: 'place', original: 'Шымкент', english: 'Shymkent' },
        { fact: 'seizure', original: 'hashish 2500 g', english: '2.5 kg of hashish' },
        { fact: 'detained', original: '2', english: '2' },
        { fact: 'article', original: '297', english: '297' },
        { fact: 'source', original: 'Tengrinews.kz', english: 'Tengrinews.kz' },
      ]),
    );
    expect(suggestion.confidence).toBeGreaterThan(0.5);
    expect(suggestion.confidence).toBeLessThanOrEqual(1);
  });

  it('uses the place name the caller gives (the gazetteer, later)', () => {
    const suggestion = suggestEnglish(CASES[0]!.item, glossary, { placeToEnglish: () => 'Chimkent' });
    expect(suggestion?.title).toBe('IN CHIMKENT, 2.5 KG OF HASHISH WERE SEIZED');
  });

  it('leaves out a source name in another script and dates in the source’s time zone', () => {
    const item = {
      ...CASES[0]!.item,
      sourceName: 'МВД РК — polisia.kz',
      publishedAt: '2025-09-30T20:30:00Z',
    };
    const suggestion = suggestEnglish(item, glossary, { timeZone: 'Asia/Almaty' });
    expect(suggestion?.body).toMatch(/ Published on 1 October 2025\.$/);
  });
});

describe('suggestEnglish with the facts stage', () => {
  it('builds the title from the facts the extractor reads, the place declined as written', () => {
    const item = {
      title: 'В Шымкенте у жителя области изъяли 2,5 кг гашиша',
      body:
        'Сотрудники полиции остановили автомашину. При досмотре в багажнике обнаружено 2,5 килограмма гашиша. ' +
        'Возбуждено уголовное дело по статье 297 УК РК, двое задержаны.',
      lang: 'rus' as const,
    };
    const itemFacts = extractSeizureFacts(
      { title: item.title, text: item.body, lang: item.lang },
      loadDrugGlossary(),
    );
    expect(itemFacts.place).toBe('Шымкенте');
    const suggestion = suggestEnglish({ ...item, facts: itemFacts }, glossary);
    expect(suggestion?.title).toBe('IN SHYMKENT, 2.5 KG OF HASHISH WERE SEIZED');
    expect(suggestion?.body).toBe(
      'In Shymkent, 2.5 kg of hashish were seized. The report says that 2 people were detained. ' +
        'The report cites Article 297 of the Criminal Code.',
    );
  });
});

describe('suggestEnglish: nothing rather than a guess', () => {
  it('gives nothing for an item of type other', () => {
    const item = {
      title: 'В Баку открылся реабилитационный центр',
      body: 'Центр рассчитан на 50 мест.',
      lang: 'rus' as const,
    };
    expect(suggestEnglish(item, glossary)).toBeUndefined();
  });

  it('falls back to a plain report for a seizure whose drugs are unknown', () => {
    const item = {
      title: 'В Шымкенте изъяли наркотики',
      body: 'Подробности не сообщаются.',
      lang: 'rus' as const,
      facts: facts({ place: 'Шымкент' }),
    };
    // No amount, no substance: a seizure title would have to invent them, so the report is only named.
    expect(suggestEnglish(item, glossary)).toMatchObject({
      title: 'REPORT ON THE FIGHT AGAINST DRUGS IN SHYMKENT',
      eventType: 'seizure',
      confidence: 0.2,
    });
  });

  it('falls back to a plain report for legislation without a word of what happened to it', () => {
    const item = {
      title: 'Законопроект о наркотиках',
      body: 'Документ размещён на портале.',
      lang: 'rus' as const,
    };
    expect(suggestEnglish(item, glossary)?.title).toBe('REPORT ON THE FIGHT AGAINST DRUGS');
  });

  it('gives nothing when the text names no topic of the glossary either', () => {
    const item = { title: 'Погода на завтра', body: 'Ожидается дождь.', lang: 'rus' as const };
    expect(suggestEnglish(item, glossary)).toBeUndefined();
  });

  it('takes the place of the event from the text, in the item’s country, where the facts have none', () => {
    const item = {
      title: 'Более тонны наркотических веществ сожгли в Душанбе',
      body: 'Наркотики, изъятые за полгода, уничтожены. Часть партии поступила из Афганистана.',
      lang: 'rus' as const,
      country: 'TJ',
    };
    expect(suggestEnglish(item, glossary)?.title).toMatch(/^IN DUSHANBE, /);
    // A place of another country is where the drugs came from, not where the event was.
    const abroad = { ...item, title: 'Сожгли более тонны наркотиков', body: 'Партия поступила из Кабула.' };
    expect(suggestEnglish(abroad, glossary)?.title ?? '').not.toMatch(/KABUL/);
  });
});

// ───────────────────────────── property: no invented fact ─────────────────────────────

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, pick, int };
}

const TEXTS: ReadonlyArray<{ lang: Language; title: string; body: string }> = CASES.map(({ item }) => ({
  lang: item.lang,
  title: item.title ?? '',
  body: item.body,
}));
const PLACES: ReadonlyArray<readonly [string, string]> = [
  ['Шымкенте', 'Shymkent'],
  ['Bakıda', 'Baku'],
  ['Хуҷанд', 'Khujand'],
  ['Aşgabat', 'Ashgabat'],
  ['Смоленск', 'Smolensk'],
];
const SUBSTANCES: readonly SubstanceId[] = [
  'heroin',
  'hashish',
  'tramadol',
  'synthetic drugs',
  'cannabis',
  'precursors',
];
const UNITS = ['tablets', 'plants', 'litres', 'capsules'] as const;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** Capitalised words of the templates themselves (not facts): the article sentence. */
const TEMPLATE_NAMES = new Set(['Article', 'Criminal', 'Code']);

function randomSeizure(r: ReturnType<typeof random>): Seizure {
  const substance = r.pick(SUBSTANCES);
  const kind = r.int(0, 2);
  if (kind === 0)
    return { substance, grams: r.pick([r.int(1, 999), r.int(1, 99_999) * 10, r.int(1, 5000) * 1000]) };
  if (kind === 1) return { substance, count: r.int(1, 300_000), unit: r.pick(UNITS) };
  return { substance };
}

/** Every number a suggestion may print, from the facts: amounts in each unit, counts, people, article, date. */
function allowedNumbers(factsIn: SeizureFacts, date: Date, operation: string | undefined): number[] {
  const numbers: number[] = [];
  for (const seizure of factsIn.seizures) {
    if (seizure.grams !== undefined)
      numbers.push(seizure.grams, seizure.grams / 1000, seizure.grams / 1_000_000);
    if (seizure.count !== undefined) numbers.push(seizure.count);
  }
  if (factsIn.detained !== undefined) numbers.push(factsIn.detained);
  for (const text of [factsIn.article ?? '', operation ?? '']) {
    for (const match of text.matchAll(/\d+(?:\.\d+)?/g)) numbers.push(Number(match[0]));
  }
  numbers.push(date.getUTCDate(), date.getUTCFullYear());
  return numbers;
}

describe('suggestEnglish: no invented fact (property)', () => {
  const allAgencyWords = new Set(
    glossary.entries
      .filter((entry) => entry.agency)
      .flatMap((entry) =>
        `${entry.english} ${entry.agency?.short ?? ''} ${entry.agency?.actor ?? ''}`.split(/[\s()]+/),
      )
      .filter(Boolean),
  );

  it('prints only numbers and names that come from the item', () => {
    let checked = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const r = random(seed);
      const text = r.pick(TEXTS);
      const [placeOriginal, placeEnglish] = r.pick(PLACES);
      const operation = r.next() < 0.3 ? r.pick(['Kanal-2025', 'Darmek', 'Mak-2024']) : undefined;
      const itemFacts = facts({
        seizures: Array.from({ length: r.int(0, 4) }, () => randomSeizure(r)),
        ...(r.next() < 0.6 ? { place: placeOriginal } : {}),
        ...(r.next() < 0.5 ? { detained: r.int(1, 40) } : {}),
        ...(r.next() < 0.4 ? { article: r.pick(['228.1', '297', '234']) } : {}),
        ...(operation ? { operation } : {}),
      });
      const date = new Date(Date.UTC(r.int(2024, 2026), r.int(0, 11), r.int(1, 28), 12));
      const sourceName = r.pick(['Report.az', 'Kabar', 'Казинформ', undefined]);
      const suggestion = suggestEnglish(
        { ...text, facts: itemFacts, publishedAt: date, sourceName },
        glossary,
        { placeToEnglish: (name) => PLACES.find(([original]) => original === name)?.[1] ?? name },
      );
      if (!suggestion) continue;
      checked += 1;
      const context = `seed ${seed}: ${suggestion.title} | ${suggestion.body}`;

      const allowed = allowedNumbers(itemFacts, date, operation);
      for (const match of `${suggestion.title} ${suggestion.body}`.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
        const value = Number(match[0].replaceAll(',', ''));
        expect(
          allowed.some((number) => Math.abs(number - value) < 1e-9),
          `${context}: ${match[0]}`,
        ).toBe(true);
      }

      const names = new Set([
        ...placeEnglish.split(' '),
        ...(operation ?? '').split(/[\s-]/),
        ...(sourceName ?? '').split(' '),
        ...MONTHS,
        ...allAgencyWords,
        ...TEMPLATE_NAMES,
      ]);
      for (const sentence of suggestion.body.split(/(?<=[.!?])\s+/)) {
        const words = sentence.split(/\s+/).slice(1);
        for (const word of words) {
          const bare = word.replace(/^[“"(]+|[”"),.:;]+$/g, '');
          if (/^\p{Lu}/u.test(bare))
            expect(names.has(bare) || names.has(bare.split('-')[0]!), `${context}: ${bare}`).toBe(true);
        }
      }

      const bodyWords = new Set(suggestion.body.toUpperCase().split(/[\s,.:;()“”]+/));
      for (const word of suggestion.title.split(/[\s,.:;()“”]+/).filter(Boolean)) {
        expect(
          bodyWords.has(word) || word === 'OTHER' || word === 'DRUGS',
          `${context}: title word ${word}`,
        ).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
});
