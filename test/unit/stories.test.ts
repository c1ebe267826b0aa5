import { describe, expect, it } from 'vitest';
import { simhash64 } from '../../src/domain/fingerprint.js';
import {
  choosePrimary,
  chooseStory,
  compareForStory,
  nameKey,
  STORY_WINDOW_DAYS,
  type StoryEvidence,
  storyFacts,
  toCommonLatin,
} from '../../src/domain/stories.js';
import {
  datedFactKeys,
  datedFactQueryKeys,
  factKeys,
  factsFromKeys,
  NEAR_DUPLICATE_WINDOW_DAYS,
  numericFactKeys,
  simhashBandKeys,
  simhashBandQueryKeys,
} from '../../src/domain/story-keys.js';

const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

function evidence(title: string, body: string, publishedAt: Date | null = day('2025-09-20')): StoryEvidence {
  return { simhash: simhash64(`${title}\n${body}`), facts: storyFacts(title, body), publishedAt };
}

// One police release of polisia.kz in its Russian and Kazakh versions, and its retellings on report.az-like sites.
const shymkentRu = evidence(
  'В Шымкенте задержан наркокурьер с героином',
  'Сотрудники департамента полиции Туркестанской области 18 сентября задержали 34-летнего жителя Шымкента ' +
    'Ерлана Сапарова. При досмотре его автомобиля изъяли 3,5 кг героина и 240 граммов гашиша. ' +
    'Возбуждено уголовное дело по статье 297 Уголовного кодекса.',
);
const shymkentKz = evidence(
  'Шымкентте есірткі тасымалдаушы ұсталды',
  'Түркістан облысы полиция департаментінің қызметкерлері 18 қыркүйекте Шымкент қаласының 34 жастағы ' +
    'тұрғыны Ерлан Сапаровты ұстады. Көлігінен 3,5 келі героин мен 240 грамм гашиш тәркіленді. ' +
    'ҚК-нің 297-бабы бойынша қылмыстық іс қозғалды.',
);
const shymkentAz = evidence(
  'Şımkənddə narkokuryer saxlanılıb',
  'Türküstan vilayəti polis departamentinin əməkdaşları sentyabrın 18-də Şımkənt şəhərinin 34 yaşlı sakini ' +
    'Yerlan Saparovu saxlayıblar. Onun avtomobilindən 3,5 kq heroin və 240 qram həşiş götürülüb.',
);
const shymkentEn = evidence(
  'Drug courier detained in Shymkent',
  'Police officers of the Turkestan region on September 18 detained a 34-year-old resident of Shymkent, ' +
    'Yerlan Saparov, and seized 3.5 kg of heroin and 240 grams of hashish from his car.',
);
const shymkentUz = evidence(
  'Chimkentda giyohvand moddalar kuryeri ushlandi',
  'Turkiston viloyati politsiyasi xodimlari 18-sentabr kuni Shimkent shahrining 34 yoshli aholisi ' +
    'Yerlan Saparovni ushladi. Undan 3,5 kilogramm geroin va 240 gramm gashish olindi.',
);

// Two real-looking but different seizures of heroin in one city on one day, written from one template.
const almatyFirst = evidence(
  'В Алматы изъяли героин',
  'Сотрудники полиции Алматы 20 сентября задержали 29-летнего Тимура Ахметова. У него изъяли 2 кг героина. ' +
    'Задержанный помещён в изолятор временного содержания, возбуждено уголовное дело.',
);
const almatySecond = evidence(
  'В Алматы изъяли героин',
  'Сотрудники полиции Алматы 20 сентября задержали 41-летнего Нурлана Жумабаева. У него изъяли 700 граммов ' +
    'героина. Задержанный помещён в изолятор временного содержания, возбуждено уголовное дело.',
);

const longRelease =
  'Сотрудники Агентства по контролю за наркотиками при Президенте Республики Таджикистан в ходе спецоперации ' +
  'в Хатлонской области задержали двух жителей района Дусти. В тайнике у дороги они хранили 12 килограммов ' +
  '400 граммов опия и 8 килограммов гашиша, которые, по предварительным данным, были переправлены через ' +
  'таджикско-афганскую границу для последующего сбыта в городах страны. Задержанные признали, что получали ' +
  'партии от неизвестного лица и передавали их курьерам за вознаграждение. В отношении них возбуждено ' +
  'уголовное дело по статье 200 Уголовного кодекса, которая предусматривает лишение свободы на срок до ' +
  'двадцати лет. Ведутся оперативно-розыскные мероприятия по установлению всех участников преступной группы и ' +
  'каналов поставки наркотиков. Агентство напоминает гражданам о телефоне доверия, по которому можно сообщить ' +
  'о фактах незаконного оборота наркотических средств, анонимность гарантируется. С начала года сотрудники ' +
  'агентства пресекли деятельность нескольких преступных групп, а изъятые наркотики после завершения ' +
  'следствия будут уничтожены в присутствии представителей общественности и средств массовой информации. ' +
  'Работа по перекрытию маршрутов контрабанды продолжается совместно с пограничными войсками.';

describe('toCommonLatin and nameKey', () => {
  it('spell the scripts of the region alike', () => {
    expect(toCommonLatin('Шымкент')).toBe('shymkent');
    expect(toCommonLatin('Oʻzbekiston')).toBe('ozbekiston');
    expect(toCommonLatin('Şımkənt')).toBe('shimkant');
  });

  it('give one key to a name in any script and case ending', () => {
    const keys = ['Шымкент', 'Шымкентте', 'Şımkənddə', 'Shymkent', 'Shimkent', 'Шымкенте'].map((word) =>
      nameKey(word),
    );
    expect(new Set(keys)).toEqual(new Set(['smkn']));
    expect(nameKey('Ерлан')).toBe(nameKey('Yerlan'));
    expect(nameKey('Казахстанской')).toBe(nameKey('Қазақстан'));
    expect(nameKey('Хорезм')).toBe(nameKey('Xorazm'));
    expect(nameKey('Бишкек')).not.toBe(nameKey('Баку'));
  });

  it('ignores words too short to tell names apart', () => {
    expect(nameKey('Ош')).toBeUndefined();
  });
});

describe('storyFacts', () => {
  it('reads amounts in grams whatever the unit and language', () => {
    for (const copy of [shymkentRu, shymkentKz, shymkentAz, shymkentEn, shymkentUz]) {
      expect(copy.facts.quantities).toEqual(['240', '3500']);
    }
  });

  it('reads kilograms and grams as one amount, as another outlet writes it with a decimal', () => {
    expect(storyFacts('', 'Изъято 1 кг 240 г опия.').quantities).toEqual(['1240']);
    expect(storyFacts('', 'Police seized 1.24 kg of opium.').quantities).toEqual(['1240']);
  });

  it('reads day-and-month dates in every word order the languages use', () => {
    for (const copy of [shymkentRu, shymkentKz, shymkentAz, shymkentEn, shymkentUz]) {
      expect(copy.facts.dates).toEqual(['18-09']);
    }
    expect(storyFacts('', 'Рейд прошёл 05.03.2025, итоги подвели 2025-03-07.').dates).toEqual([
      '05-03',
      '07-03',
    ]);
  });

  it('keeps ages and article numbers but not years', () => {
    expect(shymkentRu.facts.numbers).toEqual(['297', '34']);
    expect(storyFacts('', 'В 2024 году 12 человек получили сроки.').numbers).toEqual(['12']);
  });

  it('ignores links and their labels, which belong to the outlet', () => {
    const facts = storyFacts(
      '',
      'Полиция изъяла 5 кг гашиша. [Подписаться](https://t.me/news_24_bot) | Читайте https://site.kz/a/2025/77',
    );
    expect(facts).toMatchObject({
      quantities: ['5000'],
      numbers: [],
      names: [],
      leadingWords: [nameKey('Полиция')],
    });
  });

  it('takes a quoted name as a name, not as a sentence opening', () => {
    expect(storyFacts('', 'Итоги операции «Дәрмек» подвели в МВД.').names).toEqual([nameKey('Дәрмек')]);
  });

  it('takes capitalised words inside sentences as names and those opening one apart', () => {
    expect(shymkentRu.facts.names).toEqual(expect.arrayContaining(['@shymkent', nameKey('Сапарова')]));
    expect(shymkentRu.facts.leadingWords).toContain(nameKey('Сотрудники'));
    expect(shymkentRu.facts.names).not.toContain(nameKey('Сотрудники'));
  });
});

describe('compareForStory', () => {
  it('joins the language versions of one release when numbers, names and dates agree', () => {
    const copies = [shymkentKz, shymkentAz, shymkentEn, shymkentUz];
    for (const copy of copies) {
      expect(compareForStory(shymkentRu, copy)).toMatchObject({ same: true, rule: 'shared_facts' });
      expect(compareForStory(copy, shymkentRu)).toMatchObject({ same: true, rule: 'shared_facts' });
    }
    expect(compareForStory(shymkentAz, shymkentEn)).toMatchObject({ same: true });
  });

  it('keeps apart two heroin seizures in one city on one day told with one template', () => {
    expect(compareForStory(almatyFirst, almatySecond)).toEqual({
      same: false,
      reason: 'different quantities',
    });
  });

  it('keeps apart a copy whose amount differs even when the fingerprints are near', () => {
    const other = evidence('', longRelease.replace('8 килограммов', '18 килограммов'));
    const original = evidence('', longRelease);
    expect(compareForStory(original, other)).toEqual({ same: false, reason: 'different quantities' });
  });

  it('folds a repost with another lead and footer, and a revised version, as near duplicates', () => {
    const original = evidence('', longRelease);
    const repost = evidence(
      '',
      `Как сообщает наш корреспондент, в Хатлоне снова задержаны наркокурьеры. ${longRelease} ` +
        'Подписывайтесь на наш канал, чтобы первыми узнавать новости.',
    );
    const revised = evidence(
      '',
      `${longRelease} Изъятые наркотики направлены на экспертизу.`,
      day('2025-10-20'),
    );
    expect(compareForStory(original, repost)).toMatchObject({ same: true, rule: 'near_duplicate' });
    expect(compareForStory(original, revised)).toMatchObject({ same: true, rule: 'near_duplicate' });
  });

  it('keeps apart reports of one day in one city that share no numbers', () => {
    const lecture = evidence(
      'Профилактика в школах',
      'Инспекторы полиции Бишкека 20 сентября провели беседы с учениками школы о вреде наркотиков.',
    );
    const raid = evidence(
      'Рейд в Бишкеке',
      'Сотрудники СБНОН 20 сентября в Бишкеке задержали 3 сбытчиков синтетических наркотиков.',
    );
    expect(compareForStory(lecture, raid)).toMatchObject({ same: false });
  });

  it('keeps apart equal facts published weeks apart', () => {
    const later = { ...shymkentKz, publishedAt: day('2025-10-15') };
    expect(compareForStory(shymkentRu, later)).toEqual({ same: false, reason: 'published too far apart' });
  });

  it('needs a fourth shared fact when no amount or date is shared', () => {
    const fire = evidence(
      'Пожар в Бишкеке',
      'В Бишкеке на 7 этаже жилого дома горела квартира, эвакуировали 20 жильцов.',
    );
    const sentence = evidence(
      'Приговор в Бишкеке',
      'Суд в Бишкеке приговорил к 7 годам бывшего чиновника, 20 лет руководившего складом.',
    );
    expect(compareForStory(fire, sentence)).toEqual({ same: false, reason: 'too few shared facts' });
  });

  it('keeps apart reports of one place and day whose other numbers differ', () => {
    const pharmacies = evidence(
      'Рейд по аптекам',
      'Милиция Джалал-Абада 25 сентября провела рейд в Сузакском районе: проверено 40 аптек, выявлено 12 ' +
        'нарушений, изъято 300 таблеток.',
    );
    const cafes = evidence(
      'Рейд по кафе',
      'Милиция Джалал-Абада 25 сентября провела рейд в Сузакском районе: проверено 75 кафе, задержаны 18 ' +
        'человек, составлено 60 протоколов.',
    );
    expect(compareForStory(pharmacies, cafes)).toEqual({ same: false, reason: 'numbers disagree' });
  });

  it('keeps apart texts that agree on numbers but name other people', () => {
    const otherPeople = evidence(
      'В Караганде задержан наркокурьер',
      'Полицейские Карагандинской области 18 сентября задержали 34-летнего Данияра Оспанова. ' +
        'У него изъяли 3,5 кг героина и 240 граммов гашиша.',
    );
    expect(compareForStory(shymkentRu, otherPeople)).toMatchObject({ same: false });
  });
});

describe('chooseStory', () => {
  it('picks the story of the closest candidate and none when nothing matches', () => {
    const candidates = [
      { articleId: 1, storyId: 10, evidence: almatyFirst },
      { articleId: 2, storyId: 20, evidence: shymkentRu },
    ];
    expect(chooseStory(shymkentKz, candidates)).toMatchObject({ storyId: 20, withArticleId: 2 });
    expect(chooseStory(almatySecond, candidates)).toBeUndefined();
  });

  it('prefers a near duplicate to a fact match', () => {
    const candidates = [
      { articleId: 1, storyId: 10, evidence: shymkentKz },
      { articleId: 2, storyId: 20, evidence: { ...shymkentRu, publishedAt: day('2025-09-21') } },
    ];
    expect(chooseStory(shymkentRu, candidates)).toMatchObject({
      storyId: 20,
      match: { rule: 'near_duplicate' },
    });
  });
});

describe('choosePrimary', () => {
  it('prefers the official source, then the earliest, then the first stored', () => {
    const outlet = { id: 1, official: false, publishedAt: day('2025-09-18') };
    const ministry = { id: 2, official: true, publishedAt: day('2025-09-19') };
    const undated = { id: 3, official: false, publishedAt: null };
    const twin = { id: 4, official: false, publishedAt: day('2025-09-18') };
    expect(choosePrimary([outlet, ministry, undated])).toBe(2);
    expect(choosePrimary([undated, twin, outlet])).toBe(1);
    expect(choosePrimary([])).toBeUndefined();
  });
});

describe('storage keys', () => {
  it('round-trip facts through their keys', () => {
    expect(factsFromKeys(factKeys(shymkentKz.facts))).toEqual(shymkentKz.facts);
    expect(numericFactKeys(shymkentKz.facts)).toEqual(['q:240', 'q:3500', 'n:297', 'n:34', 'd:18-09']);
  });

  it('date the numeric facts of a member by the day it was published, or mark them undated', () => {
    expect(datedFactKeys(['q:240', 'n:297'], day('2025-09-18'))).toEqual(['q:240@20349', 'n:297@20349']);
    expect(datedFactKeys(['n:297'], null)).toEqual(['n:297@']);
  });

  it("ask for the facts on each day of a draft's window and undated", () => {
    expect(datedFactQueryKeys(['n:297'], day('2025-09-18'))).toEqual([
      'n:297@20346',
      'n:297@20347',
      'n:297@20348',
      'n:297@20349',
      'n:297@20350',
      'n:297@20351',
      'n:297@20352',
      'n:297@',
    ]);
  });

  it('ask for every day of a span widened by the window, for an undated draft', () => {
    const keys = datedFactQueryKeys(['n:297'], day('2025-09-10'), day('2025-09-18'));
    expect(keys[0]).toBe('n:297@20338');
    expect(keys.at(-2)).toBe('n:297@20352');
    expect(keys).toHaveLength(20352 - 20338 + 1 + 1);
  });

  it('find every member published within the story window, whatever the hour, and none far outside', () => {
    const draftTime = new Date('2025-09-18T23:30:00Z');
    const asked = new Set(datedFactQueryKeys(['n:297'], draftTime));
    const hour = 3_600_000;
    for (let offset = -STORY_WINDOW_DAYS * 24; offset <= STORY_WINDOW_DAYS * 24; offset++) {
      const member = new Date(draftTime.getTime() + offset * hour);
      expect(asked.has(datedFactKeys(['n:297'], member)[0]!)).toBe(true);
    }
    const tooFar = new Date(draftTime.getTime() + (STORY_WINDOW_DAYS + 2) * 24 * hour);
    expect(asked.has(datedFactKeys(['n:297'], tooFar)[0]!)).toBe(false);
  });

  it('encode the eight simhash bands into distinct ranges, per period of eight days', () => {
    const epoch = new Date('1970-01-01T12:00:00Z');
    expect(simhashBandKeys(0xff00000000000001n, epoch)).toEqual([
      1,
      256,
      512,
      768,
      1024,
      1280,
      1536,
      1792 + 255,
    ]);
    // 2025-09-20 is day 20351 since 1970-01-01, in period 2543 (20351 / 8, rounded down).
    const keys = simhashBandKeys(0xff00000000000001n, new Date('2025-09-20T08:00:00Z'));
    expect(keys[0]).toBe(2543 * 2048 + 1);
    expect(keys[7]).toBe(2543 * 2048 + 1792 + 255);
  });

  it('let a draft find members published up to the near-duplicate window away, and not a month away', () => {
    const simhash = 0x0123456789abcdefn;
    const draftTime = new Date('2025-09-20T08:00:00Z');
    const asked = new Set(simhashBandQueryKeys(simhash, draftTime));
    const day = 86_400_000;
    for (let offset = -NEAR_DUPLICATE_WINDOW_DAYS; offset <= NEAR_DUPLICATE_WINDOW_DAYS; offset++) {
      const member = simhashBandKeys(simhash, new Date(draftTime.getTime() + offset * day));
      expect(member.every((key) => asked.has(key))).toBe(true);
    }
    const monthBefore = simhashBandKeys(simhash, new Date(draftTime.getTime() - 31 * day));
    expect(monthBefore.some((key) => asked.has(key))).toBe(false);
    // Another fingerprint of the same days shares no key unless it shares a band.
    const other = simhashBandKeys(0xfedcba9876543210n, draftTime);
    expect(other.some((key) => asked.has(key))).toBe(false);
  });

  it('let an undated draft look over the weeks before it was found', () => {
    const found = new Date('2025-09-20T08:00:00Z');
    const asked = new Set(simhashBandQueryKeys(5n, new Date(found.getTime() - 45 * 86_400_000), found));
    expect(simhashBandKeys(5n, new Date('2025-08-10T00:00:00Z')).every((key) => asked.has(key))).toBe(true);
  });
});
