import { describe, expect, it } from 'vitest';
import { parseDateInZone } from '../../src/domain/dates.js';
import { monthOf } from '../../src/domain/story-numbers.js';
import {
  COMMON_LATIN_MONTH_STEMS,
  ENGLISH_MONTHS,
  monthOfName,
  RFC_2822_MONTHS,
  RUSSIAN_GENITIVE_MONTHS,
} from '../../src/domain/text/months.js';
import { toCommonLatin } from '../../src/domain/text/transliterate.js';

/** The twelve months as each language's dated reports write them (January first). */
const MONTHS_BY_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  'Russian (genitive)': ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  'Kazakh Cyrillic': ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  'Kazakh Latin 2021': ['qañtar', 'aqpan', 'nauryz', 'säuır', 'mamyr', 'mausym', 'şılde', 'tamyz', 'qyrküiek', 'qazan', 'qaraşa', 'jeltoqsan'],
  'Kazakh Latin 2018': ['qańtar', 'aqpan', 'naýryz', 'sáýir', 'mamyr', 'maýsym', 'shilde', 'tamyz', 'qyrkúıek', 'qazan', 'qarasha', 'jeltoqsan'],
  'Kyrgyz (Russian names, Kyrgyz endings)': ['январда', 'февралда', 'мартта', 'апрелде', 'майда', 'июнда', 'июлда', 'августта', 'сентябрда', 'октябрда', 'ноябрда', 'декабрда'],
  'Kyrgyz traditional': ['үчтүн айы', 'бирдин айы', 'жалган куран', 'чын куран', 'бугу', 'кулжа', 'теке', 'баш оона', 'аяк оона', 'тогуздун айы', 'жетинин айы', 'бештин айы'],
  'Uzbek Latin': ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avgust', 'sentabr', 'oktabr', 'noyabr', 'dekabr'],
  'Uzbek Cyrillic': ['январ', 'феврал', 'март', 'апрел', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'],
  Tajik: ['январи', 'феврали', 'марти', 'апрели', 'майи', 'июни', 'июли', 'августи', 'сентябри', 'октябри', 'ноябри', 'декабри'],
  Turkmen: ['ýanwar', 'fewral', 'mart', 'aprel', 'maý', 'iýun', 'iýul', 'awgust', 'sentýabr', 'oktýabr', 'noýabr', 'dekabr'],
  Azerbaijani: ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avqust', 'sentyabr', 'oktyabr', 'noyabr', 'dekabr'],
  English: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}; // biome-ignore format: one language a line

describe('month names of every language', () => {
  for (const [language, names] of Object.entries(MONTHS_BY_LANGUAGE)) {
    it(`${language}: each name is its month`, () => {
      expect(names.map((name) => monthOfName(name))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    });
  }

  it('reads abbreviations whole, with or without their dot, and not as stems', () => {
    expect(monthOfName('сент.')).toBe(9);
    expect(monthOfName('Sept')).toBe(9);
    expect(monthOfName('дек')).toBe(12);
    expect(monthOfName('марок')).toBeUndefined();
    expect(monthOfName('separate')).toBeUndefined();
    expect(monthOfName('героин')).toBeUndefined();
  });

  it('gives story numbers the same months in the common Latin spelling', () => {
    for (const [language, names] of Object.entries(MONTHS_BY_LANGUAGE)) {
      const months = names.filter((name) => !name.includes(' ')).map((name) => monthOf(toCommonLatin(name)));
      const expected = names.flatMap((name, i) => (name.includes(' ') ? [] : [i + 1]));
      expect(months, language).toEqual(expected);
    }
    expect(COMMON_LATIN_MONTH_STEMS[11]).toContain('zheltoksan');
    expect(monthOf('sept.')).toBe(9);
    expect(monthOf('heroin')).toBe(0);
  });

  it('has the English, RFC 2822 and Russian genitive lists the bulletin and HTTP dates use', () => {
    expect(ENGLISH_MONTHS[8]).toBe('september');
    expect(RFC_2822_MONTHS).toEqual([
      'jan',
      'feb',
      'mar',
      'apr',
      'may',
      'jun',
      'jul',
      'aug',
      'sep',
      'oct',
      'nov',
      'dec',
    ]);
    expect(RUSSIAN_GENITIVE_MONTHS[8]).toBe('сентября');
  });

  it('dates read a day and month in each language', () => {
    const at = (text: string) =>
      parseDateInZone(text, 'Asia/Almaty', new Date('2025-12-31T00:00:00Z'))?.toISOString();
    const nineteenth = '2025-09-18T19:00:00.000Z';
    expect(at('19 сентября 2025')).toBe(nineteenth);
    expect(at('2025 жылғы 19 қыркүйек')).toBe(nineteenth);
    expect(at('19-sentabr, 2025-yil')).toBe(nineteenth);
    expect(at('19 sentýabr 2025')).toBe(nineteenth);
    expect(at('2025 jylǵy 19 qyrkúıek')).toBe(nineteenth);
    expect(at('19 сентябри соли 2025')).toBe(nineteenth);
    expect(at('Sept. 19, 2025')).toBe(nineteenth);
    expect(at('Fri, 19 Sep 2025 10:00:00 +0000')).toBe('2025-09-19T10:00:00.000Z');
  });
});
