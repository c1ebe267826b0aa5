import { describe, expect, it } from 'vitest';
import {
  cyrillicOfAzerbaijaniLatin,
  cyrillicOfRomanisedRussian,
  cyrillicOfTajikLatin,
  cyrillicOfTurkicLatin,
  cyrillicOfTurkmenLatin,
  cyrillicOfUzbekLatin,
  kazakhLatinOfCyrillic,
  russianOfOwnCyrillic,
  spellingsOf,
  tajikOfPersianLatin,
} from '../../scripts/gazetteer/transliteration.js';

/** Russian and local spellings as the region's news write them, for names GeoNames spells otherwise. */

describe('Uzbek Latin → Uzbek Cyrillic and Russian', () => {
  it.each([
    ['Qumqo‘rg‘on', 'Қумқўрғон', 'Кумкурган'],
    ['Jarqo‘rg‘on', 'Жарқўрғон', 'Джаркурган'],
    ['Kosonsoy', 'Косонсой', 'Касансай'],
    ['Sherobod', 'Шеробод', 'Шерабад'],
    ['Denov', 'Денов', 'Денау'],
    ['Beruniy', 'Беруний', 'Беруни'],
    ['G‘ijduvon', 'Ғиждувон', 'Гиждуван'],
    ['Yangiyo‘l', 'Янгийўл', 'Янгиюл'],
    ['Xatirchi', 'Хатирчи', 'Хатирчи'],
  ])('%s → %s, %s', (latin, uzbek, russian) => {
    const spellings = cyrillicOfUzbekLatin(latin);
    expect(spellings[0]).toBe(uzbek);
    expect(spellings).toContain(russian);
  });

  it('reads every apostrophe the Uzbek o‘ and g‘ are typed with', () => {
    for (const name of ['Qo‘qon', "Qo'qon", 'Qoʻqon', 'Qo’qon', 'Qo`qon']) {
      expect(cyrillicOfUzbekLatin(name)[0]).toBe('Қўқон');
    }
  });

  it('leaves romanised Russian alone (Kyzyl, Dzhizak): it is no Uzbek spelling', () => {
    expect(cyrillicOfUzbekLatin('Kyzyl-Kyya')).toEqual([]);
    expect(cyrillicOfUzbekLatin('Dzhizak')).toEqual([]);
  });

  it('gives Uzbek Cyrillic names their Russian spellings', () => {
    expect(russianOfOwnCyrillic('Тўрақўрғон', 'uzb')).toContain('Туракурган');
    expect(russianOfOwnCyrillic('Андижон', 'uzb')).toContain('Андижан');
  });
});

describe('Tajik (BGN/PCGN Latin) → Tajik Cyrillic and Russian', () => {
  it.each([
    ['Kŭlob', 'Кӯлоб', 'Кулаб'],
    ['Mŭ’minobod', 'Мӯъминобод', 'Муминабад'],
    ['Ghonchí', 'Ғончӣ', 'Ганчи'],
    ['Yovon', 'Ёвон', 'Яван'],
    ['Konibodom', 'Конибодом', 'Канибадам'],
    ['Shŭrobod', 'Шӯробод', 'Шурабад'],
    ['Rūdakí', 'Рӯдакӣ', 'Рудаки'],
    ['Panj', 'Панҷ', 'Пандж'],
  ])('%s → %s, %s', (latin, tajik, russian) => {
    const spellings = cyrillicOfTajikLatin(latin);
    expect(spellings[0]).toBe(tajik);
    expect(spellings).toContain(russian);
  });
});

describe('Turkmen Latin → Russian', () => {
  it.each([
    ['Gökdepe', 'Геокдепе'],
    ['Tagtabazar', 'Тахтабазар'],
    ['Baýramaly', 'Байрамали'],
    ['Köneürgenç', 'Кёнеургенч'],
    ['Tejen', 'Теджен'],
    ['Saýat', 'Саят'],
  ])('%s → %s', (latin, russian) => {
    expect(cyrillicOfTurkmenLatin(latin)).toContain(russian);
  });

  it('takes no name with letters Turkmen has not', () => {
    expect(cyrillicOfTurkmenLatin('Qarshi')).toEqual([]);
  });
});

describe('romanised Russian → Cyrillic', () => {
  it.each([
    ['Denau', 'Денау'],
    ['Nurek', 'Нурек'],
    ['Dzhalal-Abad', 'Джалал-Абад'],
    ['Gul’cha', 'Гульча'],
    ['Satpayev', 'Сатпаев'],
    ['Kadamjai', 'Кадамджай'],
  ])('%s → %s', (latin, russian) => {
    expect(cyrillicOfRomanisedRussian(latin)).toContain(russian);
  });

  it('takes no name in another romanisation (Uzbek o‘, q, x)', () => {
    expect(cyrillicOfRomanisedRussian('G‘ijduvon')).toEqual([]);
    expect(cyrillicOfRomanisedRussian('Qarshi')).toEqual([]);
    expect(cyrillicOfRomanisedRussian('Xiva')).toEqual([]);
  });
});

describe('Kyrgyz, Kazakh, Azerbaijani and Persian names', () => {
  it('writes Kyrgyz Latin with Turkic vowels in Kyrgyz Cyrillic', () => {
    expect(cyrillicOfTurkicLatin('Tash-Kömür')).toEqual(['Таш-Көмүр']);
    expect(cyrillicOfTurkicLatin('Tash-Kumyr')).toEqual([]);
  });

  it('writes Kazakh Cyrillic in the 2018 and 2021 Latin alphabets', () => {
    expect(kazakhLatinOfCyrillic('Кентау')).toEqual(['Kentaý', 'Kentau']);
    expect(kazakhLatinOfCyrillic('Шалқар')).toEqual(['Shalqar', 'Şalqar']);
    expect(kazakhLatinOfCyrillic('Түркістан')).toEqual(['Túrkistan', 'Türkıstan']);
  });

  it('writes Azerbaijani Latin as Russian does', () => {
    expect(cyrillicOfAzerbaijaniLatin('Cəlilabad')).toContain('Джалилабад');
    expect(cyrillicOfAzerbaijaniLatin('Qax')).toEqual(['Гах']);
  });

  it('writes BGN Persian as Tajik does (ā → о, izafat -e → -и)', () => {
    expect(tajikOfPersianLatin('Mazār-e Sharīf')).toEqual(['Мазори Шарӣф']);
    expect(tajikOfPersianLatin('Mazar-e Sharif')).toEqual([]);
  });
});

describe('spellingsOf', () => {
  it('chooses the rules by the place’s country', () => {
    expect(spellingsOf('UZ', 'Qarshi')).toContain('Карши');
    expect(spellingsOf('TJ', 'Kŭlob')).toContain('Кулаб');
    expect(spellingsOf('TM', 'Gökdepe')).toContain('Геокдепе');
    expect(spellingsOf('KZ', 'Кентау')).toContain('Kentaý');
    expect(spellingsOf('AF', 'Kondūz')).toEqual(['Кондӯз']);
    expect(spellingsOf('RU', 'Novosibirsk')).toEqual([]);
  });

  it('never returns the name itself', () => {
    expect(spellingsOf('UZ', 'Нукус')).not.toContain('Нукус');
  });
});
