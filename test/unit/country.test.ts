import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalHost } from '../../src/domain/canonical-url.js';
import { assignCountry } from '../../src/domain/country.js';
import type { Country } from '../../src/domain/types.js';

const SEED_BULLETIN = '/work/shared/seeds/000_47f95a5e802b696b.txt';

/** Section headings of the bulletin; the PDF's text has `KYRGYZ PEPUBLIC` in its contents, so the second word is free. */
const SECTION_HEADINGS: ReadonlyArray<[RegExp, Country]> = [
  [/^REPUBLIC OF AZERBAIJAN$/, 'AZ'],
  [/^REPUBLIC OF KAZAKHSTAN$/, 'KZ'],
  [/^KYRGYZ [A-Z]+$/, 'KG'],
  [/^RUSSIAN FEDERATION$/, 'RU'],
  [/^REPUBLIC OF TAJIKISTAN$/, 'TJ'],
  [/^TURKMENISTAN$/, 'TM'],
  [/^REPUBLIC OF UZBEKISTAN$/, 'UZ'],
];

const SOURCE_DOMAINS: ReadonlyArray<[string, Country | null]> = [
  ['nmdk.gov.az', 'AZ'],
  ['report.az', 'AZ'],
  ['day.az', 'AZ'],
  ['media.az', 'AZ'],
  ['cbctv.az', 'AZ'],
  ['polisia.kz', 'KZ'],
  ['caricc.org', 'KZ'],
  ['facebook.com', null],
  ['xn--b1aew.xn--p1ai', 'RU'],
  ['biang.ru', 'RU'],
  ['dialog.tj', 'TJ'],
  ['turkmenistaninfo.gov.tm', 'TM'],
];

function sourceCountryOf(url: string): Country | null {
  // The seed's PDF-to-text step turned some `xn--p1ai` (.рф) into `xn--plai`, which is not a valid host.
  const host = canonicalHost(url.replace('xn--plai', 'xn--p1ai'));
  const entry = SOURCE_DOMAINS.find(([domain]) => host === domain || host.endsWith(`.${domain}`));
  if (!entry) throw new Error(`no source country for ${host}`);
  return entry[1];
}

interface SeedItem {
  section: Country;
  url: string;
  title: string;
  text: string;
}

const isUpperCase = (block: string): boolean => /\p{L}/u.test(block) && block === block.toUpperCase();

/** The title is the last upper-case paragraph before the body; earlier ones are logos such as «REPORT». */
function splitTitle(lines: string[]): { title: string; text: string } {
  const paragraphs = lines
    .join('\n')
    .replaceAll('**', '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  const firstBody = paragraphs.findIndex((paragraph) => !isUpperCase(paragraph));
  const titleIndex = Math.max(0, (firstBody === -1 ? paragraphs.length : firstBody) - 1);
  return {
    title: paragraphs[titleIndex] ?? '',
    text: paragraphs.filter((_, i) => i !== titleIndex).join('\n\n'),
  };
}

function parseSeedBulletin(content: string): SeedItem[] {
  const items: SeedItem[] = [];
  let section: Country | undefined;
  let lines: string[] = [];
  for (const line of content.split('\n')) {
    const heading = SECTION_HEADINGS.find(([pattern]) => pattern.test(line.trim()));
    const url = /^<(https?:\/\/[^>]+)>$/.exec(line.trim())?.[1];
    if (heading) {
      section = heading[1];
      lines = [];
    } else if (url && section) {
      items.push({ section, url, ...splitTitle(lines) });
      lines = [];
    } else {
      lines.push(line);
    }
  }
  return items;
}

describe('assignCountry on the seed bulletin', () => {
  const items = parseSeedBulletin(readFileSync(SEED_BULLETIN, 'utf8'));

  it('parses the 33 items the bulletin announces', () => {
    const perSection = Object.fromEntries(
      ['AZ', 'KZ', 'KG', 'RU', 'TJ', 'TM', 'UZ'].map((c) => [c, items.filter((i) => i.section === c).length]),
    );
    expect(perSection).toEqual({ AZ: 9, KZ: 11, KG: 1, RU: 8, TJ: 2, TM: 1, UZ: 1 });
  });

  it('gives every item the country of its section', () => {
    const wrong = items
      .map((item) => ({ item, result: assignCountry(item, sourceCountryOf(item.url)) }))
      .filter(({ item, result }) => result.country !== item.section)
      .map(
        ({ item, result }) =>
          `${item.section}→${result.country} ${item.title.slice(0, 60)} ${result.evidence[0]}`,
      );
    expect(wrong).toEqual([]);
  });
});

describe('assignCountry', () => {
  it('prefers the place of the event to the citizenship of the people', () => {
    const result = assignCountry(
      { title: 'Граждане Казахстана задержаны в Москве с партией гашиша', text: '' },
      'KZ',
    );
    expect(result.country).toBe('RU');
  });

  it('reads Russian locatives with filler words and adjectives', () => {
    const text = 'В Павлодарской области полицейские изъяли 3 кг марихуаны. Задержан житель Бишкека.';
    expect(assignCountry({ text }, null).country).toBe('KZ');
  });

  it('reads Turkic locative endings', () => {
    expect(
      assignCountry({ text: 'Toshkentda narkotik moddalar bilan savdo qilgan shaxs ushlandi.' }, null)
        .country,
    ).toBe('UZ');
    expect(
      assignCountry({ text: 'Bakıda narkotik satan şəxs saxlanılıb. Şübhəli Rusiya vətəndaşıdır.' }, null)
        .country,
    ).toBe('AZ');
    expect(assignCountry({ text: 'Алматыда есірткі сатқан күдікті ұсталды.' }, 'KG').country).toBe('KZ');
    expect(assignCountry({ text: 'Ошто баңгизат сатуучу кармалды.' }, null).country).toBe('KG');
  });

  it('folds capitals of regional and accented letters as it folds small ones', () => {
    expect(assignCountry({ text: 'ҚАРАҒАНДЫ ОБЛЫСЫНДА ЗЕРТХАНА ЖОЙЫЛДЫ' }, null).country).toBe('KZ');
    expect(assignCountry({ text: 'BAKIDA NARKOTİK SATAN ŞƏXS SAXLANILIB' }, null).country).toBe('AZ');
  });

  it('reads Tajik «дар» and Turkmen names', () => {
    expect(assignCountry({ text: 'Дар Душанбе 2 кило героин мусодира шуд.' }, null).country).toBe('TJ');
    expect(
      assignCountry({ text: 'Aşgabatda neşe serişdeleri bilen baglanyşykly maslahat geçirildi.' }, null)
        .country,
    ).toBe('TM');
  });

  it('recognises agencies by their acronyms', () => {
    expect(
      assignCountry({ text: 'ДХХ ходимлари катта миқдордаги гиёҳвандлик моддаларини мусодара қилди.' }, null)
        .country,
    ).toBe('UZ');
    expect(assignCountry({ text: 'Сотрудники ГУНК провели совещание.' }, 'KZ').country).toBe('RU');
    expect(assignCountry({ text: 'ҚР ІІМ есірткіге қарсы айлық өткізді.' }, null).country).toBe('KZ');
    expect(assignCountry({ text: 'DİN əməkdaşları əməliyyat keçirib.' }, null).country).toBe('AZ');
  });

  it('returns other for an event abroad told by a member-state source', () => {
    const afghan = assignCountry(
      {
        title: 'В Афганистане талибы уничтожили посевы мака',
        text: 'В провинции Гильменд сожгли 200 гектаров.',
      },
      'TJ',
    );
    expect(afghan.country).toBe('other');
    expect(afghan.evidence[0]).toContain('Afghanistan');
    const colombia = assignCountry(
      {
        title: 'Record cocaine seizure in Colombia',
        text: 'Police in Bogota and Medellin seized 14 tonnes of cocaine.',
      },
      'KZ',
    );
    expect(colombia.country).toBe('other');
  });

  it('keeps a citizen of a member state caught abroad as other', () => {
    const result = assignCountry(
      { title: 'Гражданина Узбекистана задержали в Германии с 5 кг героина', text: '' },
      'UZ',
    );
    expect(result.country).toBe('other');
  });

  it('does not let the origin of drugs move the event abroad', () => {
    const text = 'Пограничники изъяли 12 кг гашиша, доставленного из Афганистана. Возбуждено уголовное дело.';
    expect(assignCountry({ text }, 'TJ').country).toBe('TJ');
  });

  it('keeps a meeting with a foreign partner in the member state that reports it', () => {
    const text =
      'Министр внутренних дел Кыргызстана обсудил с послом Китая борьбу с наркотрафиком в Бишкеке.';
    expect(assignCountry({ text }, null).country).toBe('KG');
  });

  it('falls back to the source country when no place is named', () => {
    const result = assignCountry(
      { title: 'Police seized 2 kg of heroin', text: 'A suspect was detained.' },
      'TM',
    );
    expect(result).toEqual({ country: 'TM', evidence: ['source TM +1.5'] });
  });

  it('returns other with no evidence when neither the text nor the source says anything', () => {
    expect(assignCountry({ text: 'A suspect was detained.' }, null)).toEqual({
      country: 'other',
      evidence: [],
    });
  });

  it('lets the title outweigh the body', () => {
    const result = assignCountry(
      {
        title: 'В Ташкенте прошёл семинар таможенников',
        text: 'Приехали коллеги из Казахстана, Кыргызстана и Астаны.',
      },
      'KZ',
    );
    expect(result.country).toBe('UZ');
    expect(result.evidence[0]).toMatch(/^title "Ташкенте" → UZ capital, locative/);
  });

  it('does not mistake words that merely start like a place', () => {
    const text = 'Inside was baking soda. Казанок и ганджа не при чём; samarali ish olib borildi.';
    expect(assignCountry({ text }, null)).toEqual({ country: 'other', evidence: [] });
  });
});
