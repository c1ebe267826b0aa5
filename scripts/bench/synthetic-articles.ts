import type { Country, Language } from '../../src/domain/types.js';

/**
 * Synthetic news for the benchmark: sentences assembled from word lists of the region's languages, about a
 * fifth of them about drugs, with places of the member states, plus syndicated exact copies. Deterministic
 * for a given seed. The texts are generated here, not taken from any evaluation set.
 */

interface Vocabulary {
  lang: Language;
  country: Country;
  places: string[];
  subjects: string[];
  verbs: string[];
  objects: string[];
  drugSentences: string[];
  /** How much was seized, in kilograms with a decimal comma: the figure copies of one report share. */
  seizedAmount: (kilograms: string) => string;
  fillers: string[];
}

const vocabularies: Vocabulary[] = [
  {
    lang: 'rus',
    country: 'KZ',
    places: ['Алматы', 'Астане', 'Шымкенте', 'Караганде', 'Актобе', 'Павлодаре'],
    subjects: [
      'Акимат города',
      'Министерство энергетики',
      'Городской совет',
      'Областное управление',
      'Правительство',
    ],
    verbs: ['обсудил', 'утвердил', 'представил', 'рассмотрел', 'подготовил', 'объявил'],
    objects: [
      'план ремонта дорог на следующий год',
      'программу поддержки малого бизнеса',
      'новые тарифы на отопление',
      'расписание пригородных автобусов',
      'проект строительства школы на тысячу мест',
      'итоги весеннего посевного сезона',
    ],
    drugSentences: [
      'Сотрудники полиции изъяли у задержанного более двух килограммов героина.',
      'В ходе обыска в гараже обнаружены гашиш и весы для расфасовки наркотиков.',
      'Возбуждено уголовное дело по статье о незаконном обороте наркотических средств.',
      'Пограничники пресекли попытку контрабанды синтетических наркотиков.',
    ],
    seizedAmount: (kilograms) => `Общий вес изъятого составил ${kilograms} кг.`,
    fillers: [
      'Жители города отмечают, что работы идут по графику.',
      'Подробности будут опубликованы на официальном сайте ведомства.',
      'Эксперты считают, что решение скажется на ценах уже этой осенью.',
      'На встрече присутствовали представители общественных организаций.',
    ],
  },
  {
    lang: 'kaz',
    country: 'KZ',
    places: ['Алматыда', 'Астанада', 'Шымкентте', 'Қарағандыда', 'Ақтөбеде'],
    subjects: ['Қала әкімдігі', 'Энергетика министрлігі', 'Облыстық басқарма', 'Үкімет'],
    verbs: ['талқылады', 'бекітті', 'ұсынды', 'қарастырды', 'жариялады'],
    objects: [
      'келесі жылға арналған жол жөндеу жоспарын',
      'шағын бизнесті қолдау бағдарламасын',
      'жылу тарифтерінің жаңа деңгейін',
      'мың орындық мектеп құрылысының жобасын',
    ],
    drugSentences: [
      'Полиция қызметкерлері күдіктіден екі келіден астам героин тәркіледі.',
      'Тінту кезінде гаражынан есірткі және гашиш табылды.',
      'Есірткі заттарының заңсыз айналымы бойынша қылмыстық іс қозғалды.',
    ],
    seizedAmount: (kilograms) => `Тәркіленген заттардың жалпы салмағы ${kilograms} кг болды.`,
    fillers: [
      'Тұрғындар жұмыстың кесте бойынша жүріп жатқанын айтады.',
      'Толық ақпарат ведомствоның ресми сайтында жарияланады.',
      'Жиынға қоғамдық ұйымдардың өкілдері қатысты.',
    ],
  },
  {
    lang: 'uzb',
    country: 'UZ',
    places: ['Toshkentda', 'Samarqandda', 'Buxoroda', 'Namanganda', 'Andijonda'],
    subjects: ['Shahar hokimligi', 'Energetika vazirligi', 'Viloyat boshqarmasi', 'Hukumat'],
    verbs: ['muhokama qildi', 'tasdiqladi', 'taqdim etdi', "ko'rib chiqdi", "e'lon qildi"],
    objects: [
      "kelgusi yil uchun yo'llarni ta'mirlash rejasini",
      "kichik biznesni qo'llab-quvvatlash dasturini",
      'isitish uchun yangi tariflarni',
      "ming o'rinli maktab qurilishi loyihasini",
    ],
    drugSentences: [
      'Ichki ishlar xodimlari gumonlanuvchidan ikki kilogrammdan ortiq geroin musodara qildi.',
      'Tintuv paytida garajdan giyohvand moddalar va gashish topildi.',
      "Giyohvandlik vositalarining noqonuniy aylanishi bo'yicha jinoyat ishi qo'zg'atildi.",
    ],
    seizedAmount: (kilograms) => `Musodara qilingan moddalarning umumiy og'irligi ${kilograms} kg.`,
    fillers: [
      "Aholi ishlar jadval bo'yicha olib borilayotganini ta'kidlamoqda.",
      "Batafsil ma'lumot vazirlikning rasmiy saytida e'lon qilinadi.",
      "Yig'ilishda jamoat tashkilotlari vakillari ishtirok etdi.",
    ],
  },
  {
    lang: 'aze',
    country: 'AZ',
    places: ['Bakıda', 'Gəncədə', 'Sumqayıtda', 'Lənkəranda', 'Şəkidə'],
    subjects: ['Şəhər icra hakimiyyəti', 'Energetika Nazirliyi', 'Rayon idarəsi', 'Nazirlər Kabineti'],
    verbs: ['müzakirə etdi', 'təsdiq etdi', 'təqdim etdi', 'nəzərdən keçirdi', 'elan etdi'],
    objects: [
      'gələn il üçün yolların təmiri planını',
      'kiçik sahibkarlığa dəstək proqramını',
      'istilik üçün yeni tarifləri',
      'min yerlik məktəbin tikintisi layihəsini',
    ],
    drugSentences: [
      'Polis əməkdaşları şübhəlidən iki kiloqramdan çox heroin götürüb.',
      'Axtarış zamanı qarajdan narkotik vasitələr və həşiş aşkar edilib.',
      'Narkotik vasitələrin qanunsuz dövriyyəsi ilə bağlı cinayət işi başlanılıb.',
    ],
    seizedAmount: (kilograms) => `Götürülən maddələrin ümumi çəkisi ${kilograms} kq olub.`,
    fillers: [
      'Sakinlər işlərin qrafik üzrə getdiyini bildirirlər.',
      'Ətraflı məlumat nazirliyin rəsmi saytında yerləşdiriləcək.',
      'Görüşdə ictimai təşkilatların nümayəndələri iştirak edib.',
    ],
  },
  {
    lang: 'tgk',
    country: 'TJ',
    places: ['Душанбе', 'Хуҷанд', 'Бохтар', 'Кӯлоб', 'Истаравшан'],
    subjects: ['Мақомоти иҷроияи шаҳр', 'Вазорати энергетика', 'Раёсати вилоят', 'Ҳукумат'],
    verbs: ['баррасӣ кард', 'тасдиқ кард', 'пешниҳод кард', 'эълон кард'],
    objects: [
      'нақшаи таъмири роҳҳоро барои соли оянда',
      'барномаи дастгирии тиҷорати хурдро',
      'тарифҳои нави гармидиҳиро',
      'лоиҳаи сохтмони мактаби ҳазорҷойаро',
    ],
    drugSentences: [
      'Кормандони милиса аз гумонбар зиёда аз ду килограмм ҳероин мусодира карданд.',
      'Ҳангоми кофтуков аз гараж маводи мухаддир ва чарс ёфт шуд.',
      'Оид ба муомилоти ғайриқонунии маводи мухаддир парвандаи ҷиноятӣ оғоз шуд.',
    ],
    seizedAmount: (kilograms) => `Вазни умумии маводи мусодирашуда ${kilograms} кг-ро ташкил дод.`,
    fillers: [
      'Сокинон мегӯянд, ки корҳо тибқи ҷадвал идома доранд.',
      'Маълумоти муфассал дар сомонаи расмии вазорат нашр мешавад.',
      'Дар ҷаласа намояндагони ташкилотҳои ҷамъиятӣ ширкат доштанд.',
    ],
  },
  {
    lang: 'eng',
    country: 'KG',
    places: ['Bishkek', 'Osh', 'Karakol', 'Jalal-Abad', 'Naryn'],
    subjects: ['The city council', 'The Ministry of Energy', 'The regional office', 'The government'],
    verbs: ['discussed', 'approved', 'presented', 'reviewed', 'announced'],
    objects: [
      'a plan to repair the roads next year',
      'a support programme for small businesses',
      'new heating tariffs',
      'a project to build a school for a thousand pupils',
    ],
    drugSentences: [
      'Police officers seized more than two kilograms of heroin from the suspect.',
      'During the search, hashish and scales for packing narcotics were found in the garage.',
      'A criminal case was opened on illegal drug trafficking.',
    ],
    seizedAmount: (kilograms) => `The seized substances weighed ${kilograms} kg in total.`,
    fillers: [
      'Residents say the works are on schedule.',
      'Details will be published on the official website of the ministry.',
      'Representatives of public organisations attended the meeting.',
    ],
  },
];

export interface SyntheticArticle {
  url: string;
  title: string;
  body: string;
  lang: Language;
  country: Country;
  drugRelated: boolean;
  publishedAt: Date;
}

const syllables = (consonants: string, vowels: string) =>
  [...consonants].flatMap((consonant) => [...vowels].map((vowel) => consonant + vowel));
const CYRILLIC_SYLLABLES = syllables('бвгдзклмнпрст', 'аеиоу');
const LATIN_SYLLABLES = syllables('bdgklmnprstvz', 'aeiou');

/**
 * A made-up word spelling `n`, which keeps every generated sentence distinct (as real sentences are) without
 * a number: real news items state few numbers, and a number in every sentence would tie each article to
 * thousands of others through the story facts.
 */
function serialWord(n: number, alphabet: readonly string[]): string {
  let word = '';
  let rest = n;
  do {
    word += alphabet[rest % alphabet.length];
    rest = Math.floor(rest / alphabet.length);
  } while (rest > 0);
  return word;
}

/** Mulberry32: a small seeded generator, so every run benchmarks the same texts. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface GeneratorOptions {
  seed?: number;
  /** Approximate body length in characters. */
  bodyChars?: number;
  drugShare?: number;
  /** Share of articles that are exact copies of an earlier one (syndicated news). */
  copyShare?: number;
  now?: Date;
}

export function* syntheticArticles(
  count: number,
  options: GeneratorOptions = {},
): Generator<SyntheticArticle> {
  const random = seededRandom(options.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const bodyChars = options.bodyChars ?? 2_000;
  const now = (options.now ?? new Date()).getTime();
  const recent: SyntheticArticle[] = [];
  for (let i = 0; i < count; i++) {
    const url = `https://news.example/${i}`;
    if (recent.length > 0 && random() < (options.copyShare ?? 0.05)) {
      yield { ...pick(recent), url };
      continue;
    }
    const vocabulary = pick(vocabularies);
    const drugRelated = random() < (options.drugShare ?? 0.2);
    const place = pick(vocabulary.places);
    const alphabet = /\p{Script=Cyrillic}/u.test(place) ? CYRILLIC_SYLLABLES : LATIN_SYLLABLES;
    const sentences: string[] = drugRelated
      ? [vocabulary.seizedAmount(`${Math.floor(random() * 50)},${Math.floor(random() * 10)}`)]
      : [];
    let length = sentences[0]?.length ?? 0;
    while (length < bodyChars) {
      const roll = random();
      const sentence =
        drugRelated && roll < 0.3
          ? pick(vocabulary.drugSentences)
          : roll < 0.7
            ? `${place} ${pick(vocabulary.subjects).toLowerCase()} ${pick(vocabulary.verbs)} ${pick(vocabulary.objects)} (${serialWord(i, alphabet)} ${serialWord(length, alphabet)}).`
            : pick(vocabulary.fillers);
      sentences.push(sentence);
      length += sentence.length + 1;
    }
    const title = drugRelated
      ? vocabulary.drugSentences[0]!.slice(0, 80)
      : `${place}: ${pick(vocabulary.objects)}`;
    const article: SyntheticArticle = {
      url,
      title,
      body: sentences.join(' '),
      lang: vocabulary.lang,
      country: vocabulary.country,
      drugRelated,
      publishedAt: new Date(now - Math.floor(random() * 20) * 86_400_000),
    };
    recent.push(article);
    if (recent.length > 50) recent.shift();
    yield article;
  }
}
