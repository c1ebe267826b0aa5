import { describe, expect, it } from 'vitest';
import { loadDrugGlossary } from '../../src/config/drug-glossary.js';
import { compileDrugGlossary, InvalidGlossaryError } from '../../src/domain/drug-glossary.js';
import { extractSeizureFacts, hasFacts } from '../../src/domain/seizure-facts.js';
import type { DetectedLanguage } from '../../src/domain/types.js';

const glossary = loadDrugGlossary();
const facts = (text: string, lang: DetectedLanguage, title?: string) =>
  extractSeizureFacts({ title, text, lang }, glossary);
const seizures = (text: string, lang: DetectedLanguage, title?: string) => facts(text, lang, title).seizures;

describe('extractSeizureFacts: amounts in grams', () => {
  it.each([
    ['Таможенники изъяли 1,2 тонны гашиша.', 'rus', 'hashish', 1_200_000],
    ['Ondan 3,5 kq heroin götürülüb.', 'aze', 'heroin', 3500],
    ['У задержанного нашли 2 кило героина.', 'rus', 'heroin', 2000],
    ['Undan 250 gramm geroin olindi.', 'uzb', 'heroin', 250],
    ['Из тайника изъято 1.5 кг кокаина.', 'rus', 'cocaine', 1500],
    ['В сумке обнаружено 700 граммов опия.', 'rus', 'opium', 700],
    ['Оның үйінен 2 келі марихуана тәркіленді.', 'kaz', 'cannabis', 2000],
    ['Avtomashinadan 3 kilogramm nasha topildi.', 'uzb', 'hashish', 3000],
    ['При нём было 5 мг метадона.', 'rus', 'methadone', 0.005],
    ['Пограничники изъяли полтора килограмма героина.', 'rus', 'heroin', 1500],
    ['Police seized half a ton of hashish.', 'eng', 'hashish', 500_000],
    ['Полицейские изъяли полкило опия.', 'rus', 'opium', 500],
    ['Изъято 1 кг 240 г героина.', 'rus', 'heroin', 1240],
    ['Ondan 2 kiloqram 150 qram kokain götürülüb.', 'aze', 'cocaine', 2150],
    ['Ondan 6 kilogram 850 gram geroin alyndy.', 'tuk', 'heroin', 6850],
    ['Аз ӯ 1 тонна 200 кг чарс мусодира шуд.', 'tgk', 'hashish', 1_200_000],
    ['Officers seized 1.32 tonnes of cannabis resin.', 'eng', 'hashish', 1_320_000],
  ] as const)('%s', (text, lang, substance, grams) => {
    expect(seizures(text, lang)).toEqual([{ substance, grams }]);
  });

  it('reads the substance named after generic words, a dash or a bracket', () => {
    expect(seizures('Изъято 2 кг наркотического средства — героина.', 'rus')).toEqual([
      { substance: 'heroin', grams: 2000 },
    ]);
    expect(seizures('Аз ӯ 650 грамм маводи мухаддир (чарс) мусодира шуд.', 'tgk')).toEqual([
      { substance: 'hashish', grams: 650 },
    ]);
  });

  it('ties an amount to the substance before it with a weight word or a bracket', () => {
    expect(seizures('Изъят героин массой 1,5 кг и гашиш массой 300 г.', 'rus')).toEqual([
      { substance: 'heroin', grams: 1500 },
      { substance: 'hashish', grams: 300 },
    ]);
    expect(seizures('Police found heroin (2 kg) in the car.', 'eng')).toEqual([
      { substance: 'heroin', grams: 2000 },
    ]);
  });

  it('keeps several substances of one sentence apart, Turkic case endings included', () => {
    expect(seizures('Olardan 12 kilogram tirýegi we 3 kilogram geroini ele saldylar.', 'tuk')).toEqual([
      { substance: 'opium', grams: 12_000 },
      { substance: 'heroin', grams: 3000 },
    ]);
  });

  it('does not read a year, an age or a dose per piece as an amount', () => {
    expect(seizures('В 2025 г. изъятий героина не было.', 'rus')).toEqual([]);
    expect(seizures('Задержан 34-летний житель, у него 3 грамма героина.', 'rus')).toEqual([
      { substance: 'heroin', grams: 3 },
    ]);
    expect(seizures('Изъяты свертки с героином по 0,5 грамма каждый.', 'rus')).toEqual([]);
    expect(seizures('The drug is sold as pregabalin in 150 mg capsules.', 'eng')).toEqual([]);
  });

  it('does not take an amount of unnamed drugs, nor poppy seeds', () => {
    expect(seizures('Изъято 10 кг наркотиков.', 'rus')).toEqual([]);
    expect(seizures('На рынке изъяли 40 кг семян мака.', 'rus')).toEqual([]);
  });
});

describe('extractSeizureFacts: counted units', () => {
  it.each([
    ['Изъято 12 000 таблеток трамадола.', 'rus', { substance: 'tramadol', count: 12_000, unit: 'tablets' }],
    [
      'Police seized 12,000 tramadol tablets.',
      'eng',
      { substance: 'tramadol', count: 12_000, unit: 'tablets' },
    ],
    ['Изъято 2 тыс. капсул прегабалина.', 'rus', { substance: 'pregabalin', count: 2000, unit: 'capsules' }],
    [
      'Undan 200 dona tramadol tabletkasi olindi.',
      'uzb',
      { substance: 'tramadol', count: 200, unit: 'tablets' },
    ],
    [
      'Evdən 12 min ədəd psixotrop həb aşkar edilib.',
      'aze',
      { substance: 'psychotropic tablets', count: 12_000, unit: 'tablets' },
    ],
    ['Дорухона 75 шиша тропикамид фурӯхт.', 'tgk', { substance: 'tropicamide', count: 75, unit: 'vials' }],
    ['Из аптеки изъяли 400 ампул трамадола.', 'rus', { substance: 'tramadol', count: 400, unit: 'ampoules' }],
    ['Обнаружено 14 кустов конопли.', 'rus', { substance: 'cannabis', count: 14, unit: 'bushes' }],
    ['Ауласынан 700 түп қарасора табылды.', 'kaz', { substance: 'cannabis', count: 700, unit: 'bushes' }],
    ['Officers found 800 cannabis plants.', 'eng', { substance: 'cannabis', count: 800, unit: 'plants' }],
    ['Изъято 650 литров прекурсоров.', 'rus', { substance: 'precursors', count: 650, unit: 'litres' }],
    [
      'Onun üzərindən 20 ədəd metadon aşkar edilib.',
      'aze',
      { substance: 'methadone', count: 20, unit: 'pieces' },
    ],
  ] as const)('%s', (text, lang, seizure) => {
    expect(seizures(text, lang)).toEqual([seizure]);
  });

  it('joins a count and a mass of one mention', () => {
    expect(seizures('Изъято 300 таблеток трамадола общей массой 150 граммов.', 'rus')).toEqual([
      { substance: 'tramadol', grams: 150, count: 300, unit: 'tablets' },
    ]);
  });
});

describe('extractSeizureFacts: what is not a seizure', () => {
  it.each([
    ['В Душанбе сожжено 2 тонны 150 кг наркотиков, в том числе 480 кг героина.', 'rus'],
    ['Уничтожено свыше 3 тысяч кустов конопли.', 'rus'],
    ['Bakıda 600 kq həşiş yandırılıb.', 'aze'],
    ['Bakıda 1,5 ton marixuana məhv edilib.', 'aze'],
    ["Viloyatda 600 kg marixuana yo'q qilindi.", 'uzb'],
    ['Avval musodara qilingan 150 kg nasha yoqib yuborildi.', 'uzb'],
    ['Дар Хатлон 250 кг афюн, ки қаблан мусодира шуда буданд, сӯзонида шуданд.', 'tgk'],
    ['Aşgabatda 250 kilogram tirýek ýakyldy.', 'tuk'],
    ['Police burned 480 kg of heroin seized by the border guards.', 'eng'],
  ] as const)('destroyed: %s', (text, lang) => {
    expect(seizures(text, lang)).toEqual([]);
  });

  it('keeps a period total apart from the event, and continues a sentence opened by "в том числе"', () => {
    const result = facts(
      'У жителя Атырау изъято 650 граммов гашиша. С начала года полиция изъяла 95 кг марихуаны. В том числе 12 кг гашиша.',
      'rus',
    );
    expect(result.seizures).toEqual([{ substance: 'hashish', grams: 650 }]);
    expect(result.statistics).toEqual([
      { substance: 'cannabis', grams: 95_000 },
      { substance: 'hashish', grams: 12_000 },
    ]);
  });

  it('tells a heroine from heroin and salt from «соль»', () => {
    expect(seizures('Героиня фильма борется за жизнь сына, изъято 2 кг соли.', 'rus')).toEqual([]);
    expect(seizures('A heroine of 2 kg books.', 'eng')).toEqual([]);
    expect(seizures('Изъято 12 граммов наркотика «соль».', 'rus')).toEqual([
      { substance: 'synthetic drugs', grams: 12 },
    ]);
  });

  it('gives the headline only what the body has no amount for', () => {
    expect(
      seizures(
        'Задержан курьер, у него изъято 6 кг 850 г героина.',
        'rus',
        'Почти 7 кг героина изъяли у курьера',
      ),
    ).toEqual([{ substance: 'heroin', grams: 6850 }]);
    expect(seizures('Подробности позже.', 'rus', 'В Оше изъяли 3 кг гашиша')).toEqual([
      { substance: 'hashish', grams: 3000 },
    ]);
  });

  it('records a substance seized without an amount', () => {
    expect(seizures('При обыске изъяли героин и оружие.', 'rus')).toEqual([{ substance: 'heroin' }]);
    expect(seizures('Он рассказал о вреде героина.', 'rus')).toEqual([]);
  });
});

describe('extractSeizureFacts: detained, place, operation, article', () => {
  it('counts the people detained', () => {
    expect(facts('Задержаны три человека, изъято 2 кг гашиша.', 'rus').detained).toBe(3);
    expect(facts('Задержаны двое нарушителей.', 'rus').detained).toBe(2);
    expect(facts('Задержан 41-летний житель города.', 'rus').detained).toBe(1);
    expect(facts('Iki nəfər saxlanılıb.', 'aze').detained).toBe(2);
    expect(facts('Екі адам ұсталды.', 'kaz').detained).toBe(2);
    expect(facts('Iki raýatdan 3 kilogram marihuana alyndy. Olar tussag edildi.', 'tuk').detained).toBe(2);
    expect(
      facts('Since the beginning of the year 21 couriers were detained.', 'eng').detained,
    ).toBeUndefined();
    expect(facts('Суд приговорил мужчину к 8 годам.', 'rus').detained).toBeUndefined();
  });

  it('names the operation and the article of the criminal code', () => {
    expect(facts('В рамках ОПМ «Мак-2025» изъято 8 кг марихуаны.', 'rus').operation).toBe('Мак-2025');
    expect(
      facts('«Kanal-2025» beynəlxalq əməliyyatı çərçivəsində 28 kq həşiş aşkarlanıb.', 'aze').operation,
    ).toBe('Kanal-2025');
    expect(facts('Hashish was seized during Operation Kanal-2025 at the border.', 'eng').operation).toBe(
      'Kanal-2025',
    );
    expect(facts('Прошла акция «Нет наркотикам!».', 'rus').operation).toBeUndefined();
    expect(facts('Возбуждено дело по ч. 3 ст. 30, п. «г» ч. 4 ст. 228.1 УК РФ.', 'rus').article).toBe(
      '228.1',
    );
    expect(facts('Cinayət Məcəlləsinin 234.4.3-cü maddəsi ilə iş başlanıb.', 'aze').article).toBe('234.4.3');
    expect(facts('Jinoyat kodeksining 273-moddasi bilan ish qo‘zg‘atildi.', 'uzb').article).toBe('273');
    expect(facts('ҚК-нің 297-бабы бойынша іс қозғалды.', 'kaz').article).toBe('297');
    expect(facts('Тибқи моддаи 200 Кодекси ҷиноятӣ парванда оғоз шуд.', 'tgk').article).toBe('200');
    expect(facts('Jenaýat kodeksiniň 292-nji maddasy boýunça iş gozgaldy.', 'tuk').article).toBe('292');
  });

  it('reads the place as written', () => {
    expect(facts('Полицейские в Юнусабадском районе Ташкента задержали курьера.', 'rus').place).toBe(
      'Юнусабадском районе',
    );
    expect(facts('Toshkent shahrining Yunusobod tumanida fuqaro ushlandi.', 'uzb').place).toBe(
      'Yunusobod tumanida',
    );
    expect(facts('Дар шаҳри Хуҷанд ду нафар боздошт шуданд.', 'tgk').place).toBe('шаҳри Хуҷанд');
    expect(facts('Details follow.', 'eng', 'Heroin seized in Tashkent').place).toBe('Tashkent');
    expect(facts('Алмалинский районный суд вынес приговор.', 'rus').place).toBeUndefined();
  });

  it('says when there is nothing to store', () => {
    expect(hasFacts(facts('Погода в Алматы: солнечно, +25.', 'rus'))).toBe(false);
    expect(hasFacts(facts('Изъято 2 кг героина.', 'rus'))).toBe(true);
  });
});

describe('compileDrugGlossary', () => {
  it('names the field of a bad value', () => {
    const raw = { ...glossary.file, substances: [{ id: 'crack', terms: { any: ['crack'] } }] };
    expect(() => compileDrugGlossary(raw)).toThrow(InvalidGlossaryError);
    expect(() => compileDrugGlossary(raw)).toThrow(/substances\.0\.id/);
  });

  it('keeps a word of one language from meaning a drug in another', () => {
    expect(seizures('Изъято 3 кг наша.', 'kir')).toEqual([{ substance: 'hashish', grams: 3000 }]);
    expect(seizures('Это 3 кг наша работа.', 'rus')).toEqual([]);
  });
});

describe('extractSeizureFacts: more ways of writing an amount', () => {
  it('takes the named drug after its class, and a hyphenated unit', () => {
    expect(seizures('Изъято более 2 килограммов синтетического наркотика мефедрон.', 'rus')).toEqual([
      { substance: 'mephedrone', grams: 2000 },
    ]);
    expect(seizures('Полицейские задержали курьера с 5-килограммовой партией героина.', 'rus')).toEqual([
      { substance: 'heroin', grams: 5000 },
    ]);
  });

  it('reads a weekly police summary as statistics', () => {
    expect(facts('За неделю полицейские изъяли 150 кг марихуаны.', 'rus')).toMatchObject({
      seizures: [],
      statistics: [{ substance: 'cannabis', grams: 150_000 }],
    });
  });
});
