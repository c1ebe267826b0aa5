import type { Period } from '../domain/period.js';
import { RUSSIAN_GENITIVE_MONTHS, ENGLISH_MONTHS as TEXT_ENGLISH_MONTHS } from '../domain/text/months.js';
import { type Country, countryCodes, type EventCountry } from '../domain/types.js';

/** The bulletin's languages: the release is published in English and in Russian. */
export type BulletinLang = 'en' | 'ru';

/** The release's order of member states; configurable per bulletin, this is the order CARICC prints. */
export const HOUSE_ORDER: readonly Country[] = countryCodes;

interface CountryNames {
  heading: string;
  short: string;
}

const COUNTRY_NAMES: Record<BulletinLang, Record<EventCountry, CountryNames>> = {
  en: {
    AZ: { heading: 'REPUBLIC OF AZERBAIJAN', short: 'Azerbaijan' },
    KZ: { heading: 'REPUBLIC OF KAZAKHSTAN', short: 'Kazakhstan' },
    KG: { heading: 'KYRGYZ REPUBLIC', short: 'Kyrgyzstan' },
    RU: { heading: 'RUSSIAN FEDERATION', short: 'Russia' },
    TJ: { heading: 'REPUBLIC OF TAJIKISTAN', short: 'Tajikistan' },
    TM: { heading: 'TURKMENISTAN', short: 'Turkmenistan' },
    UZ: { heading: 'REPUBLIC OF UZBEKISTAN', short: 'Uzbekistan' },
    other: { heading: 'OTHER COUNTRIES', short: 'other countries' },
  },
  ru: {
    AZ: { heading: 'АЗЕРБАЙДЖАНСКАЯ РЕСПУБЛИКА', short: 'Азербайджан' },
    KZ: { heading: 'РЕСПУБЛИКА КАЗАХСТАН', short: 'Казахстан' },
    KG: { heading: 'КЫРГЫЗСКАЯ РЕСПУБЛИКА', short: 'Кыргызстан' },
    RU: { heading: 'РОССИЙСКАЯ ФЕДЕРАЦИЯ', short: 'Россия' },
    TJ: { heading: 'РЕСПУБЛИКА ТАДЖИКИСТАН', short: 'Таджикистан' },
    TM: { heading: 'ТУРКМЕНИСТАН', short: 'Туркменистан' },
    UZ: { heading: 'РЕСПУБЛИКА УЗБЕКИСТАН', short: 'Узбекистан' },
    other: { heading: 'ДРУГИЕ СТРАНЫ', short: 'другие страны' },
  },
};

export function countryHeading(country: EventCountry, lang: BulletinLang): string {
  return COUNTRY_NAMES[lang][country].heading;
}

export function countryShortName(country: EventCountry, lang: BulletinLang): string {
  return COUNTRY_NAMES[lang][country].short;
}

/** Every spelling a release may use for a country, upper-case, in either language. */
export function headingSpellings(): { spelling: string; country: EventCountry }[] {
  return Object.values(COUNTRY_NAMES).flatMap((names) =>
    Object.entries(names).map(([country, name]) => ({
      spelling: name.heading,
      country: country as EventCountry,
    })),
  );
}

export function shortNameSpellings(): { spelling: string; country: Country }[] {
  return Object.values(COUNTRY_NAMES).flatMap((names) =>
    HOUSE_ORDER.map((country) => ({ spelling: names[country].short, country })),
  );
}

const MONTHS: Record<BulletinLang, readonly string[]> = {
  en: TEXT_ENGLISH_MONTHS.map((name) => name[0]!.toUpperCase() + name.slice(1)),
  // Genitive: "с 1 по 30 сентября".
  ru: RUSSIAN_GENITIVE_MONTHS,
};

export const ENGLISH_MONTHS = MONTHS.en;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function partsOf(isoDate: string): DateParts {
  const [year, month, day] = isoDate.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 1, day: day ?? 1 };
}

const pad2 = (value: number) => String(value).padStart(2, '0');

/** The title page's form: `1-30.09.2025`, or `15.09-14.10.2025` across months. */
export function formatPeriodShort(period: Period): string {
  const from = partsOf(period.from);
  const to = partsOf(period.to);
  const end = `${to.day}.${pad2(to.month)}.${to.year}`;
  if (from.year !== to.year) return `${from.day}.${pad2(from.month)}.${from.year}-${end}`;
  if (from.month !== to.month) return `${from.day}.${pad2(from.month)}-${end}`;
  return `${from.day}-${end}`;
}

/** `from 1 to 30 September 2025` / `с 1 по 30 сентября 2025 года`. */
export function formatPeriodPhrase(period: Period, lang: BulletinLang): string {
  const from = partsOf(period.from);
  const to = partsOf(period.to);
  const months = MONTHS[lang];
  const fromMonth = months[from.month - 1];
  const toMonth = months[to.month - 1];
  const sameMonth = from.year === to.year && from.month === to.month;
  const sameYear = from.year === to.year;
  const start = sameMonth ? `${from.day}` : `${from.day} ${fromMonth}${sameYear ? '' : ` ${from.year}`}`;
  return lang === 'en'
    ? `from ${start} to ${to.day} ${toMonth} ${to.year}`
    : `с ${start}${sameYear ? '' : ' года'} по ${to.day} ${toMonth} ${to.year} года`;
}

function russianEvents(count: number): string {
  const lastTwo = count % 100;
  const last = count % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return 'событий';
  if (last === 1) return 'событие';
  if (last >= 2 && last <= 4) return 'события';
  return 'событий';
}

export interface CountsLineParts {
  /** Text before the parenthesis with the per-country counts. */
  lead: string;
  /** `Azerbaijan - 9, Kazakhstan - 11, …`: printed in italics by the release. */
  perCountry: string;
}

/** The opening count line in the release's own words, split so renderers can italicise the counts. */
export function countsLineParts(
  period: Period,
  total: number,
  counts: readonly { country: Country; count: number }[],
  lang: BulletinLang,
): CountsLineParts {
  const perCountry = counts
    .map(({ country, count }) => `${countryShortName(country, lang)} - ${count}`)
    .join(', ');
  const lead =
    lang === 'en'
      ? `In the period ${formatPeriodPhrase(period, lang)}, based on information from mass media CARICC member states and other countries covered ${total} ${total === 1 ? 'event' : 'events'} in the counter-narcotics field`
      : `В период ${formatPeriodPhrase(period, lang)}, по информации средств массовой информации государств – участников ЦАРИКЦ и других стран, освещено ${total} ${russianEvents(total)} в сфере противодействия незаконному обороту наркотиков`;
  return { lead, perCountry };
}

export function countsLineText(parts: CountsLineParts): string {
  return `${parts.lead} (${parts.perCountry}).`;
}

export interface HouseTexts {
  centreAcronym: [string, string];
  centreName: string;
  releaseTitle: string;
  releaseSubtitle: string[];
  city: string;
  releaseHeader: string;
  centreNameMixed: string[];
  editorialAddress: string;
  address: string[];
  circulation: string;
  contents: string;
  publishedTitle: (number: number, year: number) => string;
  topicsLead: string;
  otherCountriesNote: string;
  page: string;
}

const ADDRESS_EN = [
  'Republic of Kazakhstan, 050008, Almaty, Abay Avenue, 52',
  'tel.: +7 727 259 99 90',
  'fax: +7 727 392 15 54',
  'registry@caricc.org www.caricc.org',
];

/** The fixed wording of the release's title page, address block and headings. */
export const HOUSE_TEXTS: Record<BulletinLang, HouseTexts> = {
  en: {
    centreAcronym: ['C A R I C C', 'Ц А Р И К Ц'],
    centreName:
      'CENTRAL ASIAN REGIONAL INFORMATION AND COORDINATION CENTRE FOR COMBATING THE ILLICIT TRAFFICKING OF NARCOTIC DRUGS, PSYCHOTROPIC SUBSTANCES AND THEIR PRECURSORS',
    releaseTitle: 'INFORMATION RELEASE',
    releaseSubtitle: ['ABOUT PAST EVENTS', 'IN THE ANTI-DRUG SPHERE', '(according to the media)'],
    city: 'Almaty',
    releaseHeader: 'INFORMATION RELEASE CARICC',
    centreNameMixed: [
      'Central Asian Regional Information and Coordination',
      'Centre for combating the illicit trafficking of narcotic drugs,',
      'psychotropic substances and their precursors',
    ],
    editorialAddress: 'EDITORIAL ADDRESS:',
    address: ADDRESS_EN,
    circulation: 'Circulation in PDF format',
    contents: 'CONTENTS',
    publishedTitle: (number, year) =>
      `«Information Release about past events in the anti-drug sphere», #${number}, ${year}`,
    topicsLead: 'Published articles contain information about',
    otherCountriesNote: 'Events outside the CARICC member states, for the analyst to decide:',
    page: 'Page',
  },
  ru: {
    centreAcronym: ['C A R I C C', 'Ц А Р И К Ц'],
    centreName:
      'ЦЕНТРАЛЬНОАЗИАТСКИЙ РЕГИОНАЛЬНЫЙ ИНФОРМАЦИОННЫЙ КООРДИНАЦИОННЫЙ ЦЕНТР ПО БОРЬБЕ С НЕЗАКОННЫМ ОБОРОТОМ НАРКОТИЧЕСКИХ СРЕДСТВ, ПСИХОТРОПНЫХ ВЕЩЕСТВ И ИХ ПРЕКУРСОРОВ',
    releaseTitle: 'ИНФОРМАЦИОННЫЙ ВЫПУСК',
    releaseSubtitle: ['О ПРОШЕДШИХ СОБЫТИЯХ', 'В АНТИНАРКОТИЧЕСКОЙ СФЕРЕ', '(по материалам СМИ)'],
    city: 'Алматы',
    releaseHeader: 'ИНФОРМАЦИОННЫЙ ВЫПУСК ЦАРИКЦ',
    centreNameMixed: [
      'Центральноазиатский региональный информационный координационный',
      'центр по борьбе с незаконным оборотом наркотических средств,',
      'психотропных веществ и их прекурсоров',
    ],
    editorialAddress: 'АДРЕС РЕДАКЦИИ:',
    address: [
      'Республика Казахстан, 050008, г. Алматы, пр. Абая, 52',
      'тел.: +7 727 259 99 90',
      'факс: +7 727 392 15 54',
      'registry@caricc.org www.caricc.org',
    ],
    circulation: 'Распространяется в формате PDF',
    contents: 'СОДЕРЖАНИЕ',
    publishedTitle: (number, year) =>
      `«Информационный выпуск о прошедших событиях в антинаркотической сфере», №${number}, ${year}`,
    topicsLead: 'Опубликованные материалы содержат информацию',
    otherCountriesNote: 'События за пределами государств – участников ЦАРИКЦ (на усмотрение аналитика):',
    page: 'Стр.',
  },
};

export function yearOf(period: Period): number {
  return partsOf(period.to).year;
}
