import { describe, expect, it } from 'vitest';
import { foldWord } from '../../src/domain/country.js';
import { normalizeForMatching } from '../../src/domain/keywords.js';
import { foldText, stripDiacritics } from '../../src/domain/text/fold.js';

describe('letter folding (search and seizure facts: foldText)', () => {
  it('Azerbaijani: ə→e, ı→i, ş→sh, ç→ch, ğ→g, ö→o, ü→u', () => {
    expect(foldText('Azərbaycan')).toBe('azerbaycan');
    expect(foldText('çətənə')).toBe('chetene');
    expect(foldText('ağır')).toBe('agir');
    expect(foldText('göndərilib')).toBe('gonderilib');
    expect(foldText('tülkü')).toBe('tulku');
    expect(foldText('NARKOTİK')).toBe('narkotik');
  });

  it('Turkmen: ä→a, ň→n, ý→y, ž→zh, ş→sh', () => {
    expect(foldText('äkidilen')).toBe('akidilen');
    expect(foldText('Türkmenistanyň')).toBe('turkmenistanyn');
    expect(foldText('ýurt')).toBe('yurt');
    expect(foldText('žurnal')).toBe('zhurnal');
    expect(foldText('neşe')).toBe('neshe');
  });

  it('Kazakh Latin: the 2018 acute letters and the 2021 letters', () => {
    expect(foldText('tárkilendi')).toBe('tarkilendi');
    expect(foldText('tärkılendı')).toBe('tarkilendi');
    expect(foldText('ǵalym')).toBe('galym');
    expect(foldText('ońtústik')).toBe('ontustik');
    expect(foldText('Oñtüstık')).toBe('ontustik');
    expect(foldText('ūrlyq')).toBe('urlyq');
    expect(foldText('óte')).toBe('ote');
    expect(foldText('ındet')).toBe('indet');
  });

  it('Kazakh, Kyrgyz, Tajik, Uzbek Cyrillic: the Russian letters typed for them', () => {
    expect(foldText('Қарағанды')).toBe('караганды');
    expect(foldText('Өскемен')).toBe('оскемен');
    expect(foldText('үкімет')).toBe('укимет');
    expect(foldText('ұрлық')).toBe('урлык');
    expect(foldText('Әуезов')).toBe('ауезов');
    expect(foldText('баңги')).toBe('банги');
    expect(foldText('Һаким')).toBe('хаким');
    expect(foldText('Ҳукумат')).toBe('хукумат');
    expect(foldText('Хуҷанд')).toBe('хучанд');
    expect(foldText('тоҷикӣ')).toBe('точики');
    expect(foldText('рӯз')).toBe('руз');
    expect(foldText('ўзбек')).toBe('узбек');
    expect(foldText('өкмөт')).toBe('окмот');
    expect(foldText('ёлка')).toBe('елка');
  });

  it('Azerbaijani and Turkmen Cyrillic: ҝ→г, ҹ→ч, ј→й, җ→ж', () => {
    expect(foldText('Ҝәнҹә')).toBe('ганча');
    expect(foldText('ајдын')).toBe('айдын');
    expect(foldText('җеза')).toBe('жеза');
  });

  it('leaves other scripts and plain letters alone', () => {
    expect(foldText('героин geroin')).toBe('героин geroin');
  });
});

describe('the relevance lexicon folds with the same tables', () => {
  it('folds the same letters, keeps apostrophes as ASCII, and ý apart', () => {
    expect(normalizeForMatching('Nəşə tärkılendı Қарағанды')).toBe('neshe tarkilendi караганды');
    // Turkmen ý (a consonant) and Kazakh 2018 ý (a vowel) stay apart in the lexicon.
    expect(normalizeForMatching('ýyl')).toBe('ýyl');
    // Azerbaijani Cyrillic ҝ is g: the lexicon now agrees with the search index.
    expect(normalizeForMatching('Ҝәнҹә')).toBe('ганча');
  });

  it('folds Arabic-script Kazakh to the letters Persian and Arabic keyboards type', () => {
    expect(normalizeForMatching('ک')).toBe('ك');
    expect(normalizeForMatching('ی')).toBe('ى');
    expect(normalizeForMatching('ٴا')).toBe('ا');
  });
});

describe('the gazetteer strips Latin diacritics instead (ş→s) and folds Cyrillic like the others', () => {
  it('folds names', () => {
    expect(foldWord('Şymkent')).toBe('symkent');
    expect(foldWord('Azərbaycan')).toBe('azerbaycan');
    expect(foldWord('Türkmenabat')).toBe('turkmenabat');
    expect(foldWord('Қарағанды')).toBe('караганды');
    expect(foldWord('Ҝәнҹә')).toBe('ганча');
  });

  it('stripDiacritics takes marks off', () => {
    expect(stripDiacritics('Aşgabat Türkmenbaşy')).toBe('Asgabat Turkmenbasy');
    expect(stripDiacritics('Gəncə')).toBe('Gəncə');
  });
});
