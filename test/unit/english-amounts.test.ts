import { describe, expect, it } from 'vitest';
import { formatMass, formatNumber, listPhrases, seizurePhrase } from '../../src/domain/english/amounts.js';

describe('amounts in English', () => {
  it('writes masses in the unit that keeps them exact', () => {
    expect(formatMass(700)).toBe('700 grams');
    expect(formatMass(1)).toBe('1 gram');
    expect(formatMass(0.5)).toBe('0.5 grams');
    expect(formatMass(2500)).toBe('2.5 kg');
    expect(formatMass(34_390)).toBe('34.39 kg');
    expect(formatMass(1_200_000)).toBe('1.2 tonnes');
    expect(formatMass(1_000_000)).toBe('1 tonne');
    expect(formatMass(1_234_567)).toBe('1,234.567 kg');
    expect(formatMass(1500.5)).toBe('1,500.5 grams');
  });

  it('groups thousands', () => {
    expect(formatNumber(1200)).toBe('1,200');
    expect(formatNumber(236_000)).toBe('236,000');
    expect(formatNumber(12.25)).toBe('12.25');
  });

  it('counts tablets and plants, weighs the rest', () => {
    expect(seizurePhrase({ substance: 'tramadol', count: 1200, unit: 'tablets' })).toBe(
      '1,200 tablets of tramadol',
    );
    expect(seizurePhrase({ substance: 'tramadol', count: 1, unit: 'tablets' })).toBe('1 tablet of tramadol');
    expect(seizurePhrase({ substance: 'psychotropic tablets', count: 290_000, unit: 'tablets' })).toBe(
      '290,000 psychotropic tablets',
    );
    expect(seizurePhrase({ substance: 'cannabis', count: 49, unit: 'bushes' })).toBe('49 cannabis bushes');
    expect(seizurePhrase({ substance: 'precursors', count: 500, unit: 'litres' })).toBe(
      '500 litres of precursors',
    );
    expect(seizurePhrase({ substance: 'heroin', grams: 3000 })).toBe('3 kg of heroin');
    expect(seizurePhrase({ substance: 'opium' })).toBe('opium');
  });

  it('joins phrases the English way', () => {
    expect(listPhrases(['a'])).toBe('a');
    expect(listPhrases(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listPhrases(['a', 'b'], true)).toBe('a, b and other drugs');
  });
});
