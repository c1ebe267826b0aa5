import { describe, expect, it } from 'vitest';
import { findDateInText, parseDateInZone } from '../../src/domain/dates.js';

// Friday 19 September 2025, 07:30 UTC: already the afternoon in Bishkek, still early morning in Baku.
const NOW = new Date('2025-09-19T07:30:00Z');
const at = (text: string, zone: string, now = NOW) => parseDateInZone(text, zone, now)?.toISOString() ?? null;

describe('month names of every language, each in its source time zone', () => {
  it.each([
    // Russian, genitive and abbreviated, Moscow (+03)
    ['Europe/Moscow', '17 сентября 2025, 10:15', '2025-09-17T07:15:00.000Z'],
    ['Europe/Moscow', '3 янв. 2025 г. в 23:05', '2025-01-03T20:05:00.000Z'],
    ['Europe/Moscow', 'Пятница, 12 мая 2023', '2023-05-11T21:00:00.000Z'],
    // Kazakh, Cyrillic and Latin, Almaty (+05 since March 2024, +06 before)
    ['Asia/Almaty', '2025 жылғы 17 қыркүйек 09:40', '2025-09-17T04:40:00.000Z'],
    ['Asia/Almaty', '5 желтоқсан 2023 ж.', '2023-12-04T18:00:00.000Z'],
    ['Asia/Almaty', '14 mamyr 2025', '2025-05-13T19:00:00.000Z'],
    ['Asia/Almaty', '2 сәуір 2025, 18:00', '2025-04-02T13:00:00.000Z'],
    // Kyrgyz (Russian-borrowed names with Kyrgyz endings), Bishkek (+06)
    ['Asia/Bishkek', '2025-жылдын 16-сентябры, 14:20', '2025-09-16T08:20:00.000Z'],
    ['Asia/Bishkek', '8-март 2025-ж.', '2025-03-07T18:00:00.000Z'],
    // Uzbek, Latin and Cyrillic, Tashkent (+05)
    ['Asia/Tashkent', '2025-yil 16-sentyabr, 11:00', '2025-09-16T06:00:00.000Z'],
    ['Asia/Tashkent', '21 fevral 2025', '2025-02-20T19:00:00.000Z'],
    ['Asia/Tashkent', '16 сентябрь 2025 йил 11:00', '2025-09-16T06:00:00.000Z'],
    ['Asia/Tashkent', '2025 йил 1 сентябрь', '2025-08-31T19:00:00.000Z'],
    // Tajik (izofat ending -и), Dushanbe (+05)
    ['Asia/Dushanbe', '15 сентябри соли 2025, 16:45', '2025-09-15T11:45:00.000Z'],
    ['Asia/Dushanbe', '4 июни 2025', '2025-06-03T19:00:00.000Z'],
    // Turkmen, Ashgabat (+05)
    ['Asia/Ashgabat', '15-nji sentýabr 2025 ý.', '2025-09-14T19:00:00.000Z'],
    ['Asia/Ashgabat', '3 iýul 2025, 08:00', '2025-07-03T03:00:00.000Z'],
    ['Asia/Ashgabat', '27 fewral 2025', '2025-02-26T19:00:00.000Z'],
    // Azerbaijani, Baku (+04)
    ['Asia/Baku', '17 sentyabr 2025, 12:30', '2025-09-17T08:30:00.000Z'],
    ['Asia/Baku', '9 avqust 2025-ci il', '2025-08-08T20:00:00.000Z'],
    ['Asia/Baku', '2025-ci il 11 iyun', '2025-06-10T20:00:00.000Z'],
    // Uzbek Latin in the current spelling («sentabr», «oktabr»), Kazakh in the 2021 Latin alphabet
    ['Asia/Tashkent', '16 sentabr 2025, 11:00', '2025-09-16T06:00:00.000Z'],
    ['Asia/Tashkent', '2024-yil 3-oktabr', '2024-10-02T19:00:00.000Z'],
    ['Asia/Tashkent', '16 сентабр 2025', '2025-09-15T19:00:00.000Z'],
    ['Asia/Almaty', '2025 jylğy 12 qyrküiek, 10:30', '2025-09-12T05:30:00.000Z'],
    ['Asia/Almaty', '5 şılde 2025', '2025-07-04T19:00:00.000Z'],
    ['Asia/Almaty', '21 qañtar 2025', '2025-01-20T19:00:00.000Z'],
    // Kyrgyz traditional month names
    ['Asia/Bishkek', '2025-жылдын 16-аяк оонасы, 14:20', '2025-09-16T08:20:00.000Z'],
    ['Asia/Bishkek', '8-жалган куран 2025-ж.', '2025-03-07T18:00:00.000Z'],
    ['Asia/Bishkek', '2024-жылдын 25-бештин айы', '2024-12-24T18:00:00.000Z'],
    ['Asia/Bishkek', '12-кулжа, 2025', '2025-06-11T18:00:00.000Z'],
    // English, full and abbreviated, month first and day first
    ['Asia/Bishkek', 'September 17, 2025 3:05 PM', '2025-09-17T09:05:00.000Z'],
    ['Asia/Almaty', 'Sept. 2, 2025', '2025-09-01T19:00:00.000Z'],
    ['Asia/Baku', '17th Sep 2025 12:00 am', '2025-09-16T20:00:00.000Z'],
  ])('%s: %s', (zone, text, expected) => {
    expect(at(text, zone)).toBe(expected);
  });

  it('places the same wall-clock time on the UTC line by each zone', () => {
    const text = '17.09.2025 12:00';
    const hours = Object.fromEntries(
      [
        'Europe/Moscow',
        'Asia/Baku',
        'Asia/Tashkent',
        'Asia/Dushanbe',
        'Asia/Ashgabat',
        'Asia/Almaty',
        'Asia/Bishkek',
      ].map((zone) => [zone, parseDateInZone(text, zone, NOW)?.getUTCHours()]),
    );
    expect(hours).toEqual({
      'Europe/Moscow': 9,
      'Asia/Baku': 8,
      'Asia/Tashkent': 7,
      'Asia/Dushanbe': 7,
      'Asia/Ashgabat': 7,
      'Asia/Almaty': 7,
      'Asia/Bishkek': 6,
    });
  });

  it('knows that Almaty moved from +06 to +05 in March 2024', () => {
    expect(at('17.09.2023 12:00', 'Asia/Almaty')).toBe('2023-09-17T06:00:00.000Z');
    expect(at('17.09.2024 12:00', 'Asia/Almaty')).toBe('2024-09-17T07:00:00.000Z');
  });
});

describe('numeric formats', () => {
  it.each([
    ['17.09.2025', '2025-09-16T19:00:00.000Z'],
    ['17/09/2025 10:15', '2025-09-17T05:15:00.000Z'],
    ['17-09-2025, 10:15:30', '2025-09-17T05:15:30.000Z'],
    ['2025-09-17 10:15', '2025-09-17T05:15:00.000Z'],
    ['2025.09.17', '2025-09-16T19:00:00.000Z'],
    ['10:15 | 17.09.2025', '2025-09-17T05:15:00.000Z'],
  ])('%s', (text, expected) => {
    expect(at(text, 'Asia/Tashkent')).toBe(expected);
  });
});

describe('relative dates, resolved in the page zone', () => {
  it.each([
    // "today" is the 19th everywhere at 07:30 UTC; the time is read on the zone's clock
    ['Europe/Moscow', 'сегодня, 10:15', '2025-09-19T07:15:00.000Z'],
    ['Europe/Moscow', 'Вчера в 18:40', '2025-09-18T15:40:00.000Z'],
    ['Asia/Almaty', 'Бүгін, 09:05', '2025-09-19T04:05:00.000Z'],
    ['Asia/Almaty', 'кеше 21:00', '2025-09-18T16:00:00.000Z'],
    ['Asia/Bishkek', 'Бүгүн 13:00', '2025-09-19T07:00:00.000Z'],
    ['Asia/Bishkek', 'кечээ, 08:00', '2025-09-18T02:00:00.000Z'],
    ['Asia/Tashkent', 'Bugun, 11:20', '2025-09-19T06:20:00.000Z'],
    ['Asia/Tashkent', 'Кеча 17:45', '2025-09-18T12:45:00.000Z'],
    ['Asia/Tashkent', 'kecha', '2025-09-17T19:00:00.000Z'],
    ['Asia/Dushanbe', 'Имрӯз, 10:00', '2025-09-19T05:00:00.000Z'],
    ['Asia/Dushanbe', 'дирӯз 15:30', '2025-09-18T10:30:00.000Z'],
    ['Asia/Dushanbe', 'Имруз, 08:10', '2025-09-19T03:10:00.000Z'],
    ['Asia/Dushanbe', 'Дируз 22:45', '2025-09-18T17:45:00.000Z'],
    ['Europe/Moscow', 'Позавчера, 23:10', '2025-09-17T20:10:00.000Z'],
    ['Asia/Ashgabat', 'Şu gün 09:00', '2025-09-19T04:00:00.000Z'],
    ['Asia/Ashgabat', 'düýn 19:10', '2025-09-18T14:10:00.000Z'],
    ['Asia/Baku', 'Bu gün, 11:00', '2025-09-19T07:00:00.000Z'],
    ['Asia/Baku', 'dünən', '2025-09-17T20:00:00.000Z'],
    ['Asia/Baku', 'Today, 09:15', '2025-09-19T05:15:00.000Z'],
    ['Asia/Baku', 'yesterday at 10:00 pm', '2025-09-18T18:00:00.000Z'],
  ])('%s: %s', (zone, text, expected) => {
    expect(at(text, zone)).toBe(expected);
  });

  it.each([
    ['2 часа назад', 120],
    ['15 минут назад', 15],
    ['час назад', 60],
    ['3 дня назад', 3 * 1440],
    ['20 минут бұрын', 20],
    ['2 сағат бұрын', 120],
    ['5 мүнөт мурун', 5],
    ['3 саат мурун', 180],
    ['10 daqiqa oldin', 10],
    ['4 soat oldin', 240],
    ['2 соат олдин', 120],
    ['7 dəqiqə əvvəl', 7],
    ['1 saat əvvəl', 60],
    ['30 minut öň', 30],
    ['2 sagat öň', 120],
    ['45 дақиқа пеш', 45],
    ['6 соат пеш', 360],
    ['an hour ago', 60],
    ['12 minutes ago', 12],
    ['2 days ago', 2 * 1440],
  ])('%s is %d minutes before now', (text, minutes) => {
    expect(parseDateInZone(text, 'Asia/Dushanbe', NOW)?.getTime()).toBe(NOW.getTime() - minutes * 60_000);
  });

  it('gives a day and month without a year the latest such day not after today, when a time says it is a stamp', () => {
    expect(at('17 сентября, 10:15', 'Europe/Moscow')).toBe('2025-09-17T07:15:00.000Z');
    expect(at('25 декабря, 10:15', 'Europe/Moscow')).toBe('2024-12-25T07:15:00.000Z');
    expect(at('17 сентября', 'Europe/Moscow')).toBeNull();
  });
});

describe('what is not a publication date', () => {
  it('rejects future dates, in any form', () => {
    expect(at('25 сентября 2025', 'Asia/Almaty')).toBeNull();
    expect(at('2026-yil 1-yanvar', 'Asia/Tashkent')).toBeNull();
    expect(at('21.09.2025', 'Asia/Baku')).toBeNull();
    // later today in the zone is fine
    expect(at('сегодня, 23:50', 'Asia/Bishkek')).toBe('2025-09-19T17:50:00.000Z');
  });

  it('does not take the minutes of a time for a day', () => {
    // «бугун» is Uzbek Cyrillic for "today", and starts like the Kyrgyz month «бугу»
    expect(at('15:30 бугун', 'Asia/Tashkent')).toBe('2025-09-19T10:30:00.000Z');
  });

  it('rejects impossible days and leaves words that are not months alone', () => {
    expect(at('31 сентября 2025', 'Europe/Moscow')).toBeNull();
    expect(at('30 февраля 2024', 'Europe/Moscow')).toBeNull();
    expect(at('12 марок 2025', 'Europe/Moscow')).toBeNull();
    expect(at('12 mar. 2025', 'Europe/Moscow')).toBe('2025-03-11T21:00:00.000Z');
  });

  it('does not read the opening word of a sentence as a date line', () => {
    expect(findDateInText('Сегодня в Душанбе сожгли изъятые наркотики', 'Asia/Dushanbe', NOW)).toBeNull();
    expect(findDateInText('Bugun Toshkentda tezkor tadbir o‘tkazildi', 'Asia/Tashkent', NOW)).toBeNull();
  });

  it('finds a date line inside surrounding words', () => {
    expect(
      findDateInText('Опубликовано: 17 сентября 2025, 10:15 | Просмотров: 120', 'Europe/Moscow', NOW),
    ).toEqual(new Date('2025-09-17T07:15:00.000Z'));
    expect(findDateInText('Nashr qilingan sana: 16.09.2025 · 08:30', 'Asia/Tashkent', NOW)).toEqual(
      new Date('2025-09-16T03:30:00.000Z'),
    );
  });
});
