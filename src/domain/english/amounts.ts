import type { Seizure } from './facts.js';

/**
 * Seized amounts in the release's English: masses in grams, kilograms or tonnes ("700 grams", "2.5 kg",
 * "1.2 tonnes"), counts with thousands separators ("1,200 tablets of tramadol", "350 cannabis plants").
 * Numbers are exact: a unit is chosen only where it needs at most three decimals (1,234,567 g is "1,234.567 kg",
 * never a rounded "1.2 tonnes"), so every figure of a suggestion can be traced back to the facts.
 * Lower case here; titles upper-case the whole line ("2.5 KG OF HASHISH").
 */

/** A number with thousands separators and at most three decimals, trailing zeros dropped. */
export function formatNumber(value: number): string {
  const fixed = value.toFixed(3).replace(/\.?0+$/, '');
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

const exactIn = (grams: number, unit: number) =>
  Number.isInteger(Math.round((grams / unit) * 1000 * 1e6) / 1e6);

/** "700 grams", "2.5 kg", "34.39 kg", "1.2 tonnes", "1 gram", "1 tonne". */
export function formatMass(grams: number): string {
  if (grams >= 1_000_000 && exactIn(grams, 1_000_000)) {
    const tonnes = grams / 1_000_000;
    return `${formatNumber(tonnes)} ${tonnes === 1 ? 'tonne' : 'tonnes'}`;
  }
  if (grams >= 1000 && exactIn(grams, 1000)) return `${formatNumber(grams / 1000)} kg`;
  return `${formatNumber(grams)} ${grams === 1 ? 'gram' : 'grams'}`;
}

const SINGULAR: Readonly<Record<string, string>> = {
  tablets: 'tablet',
  capsules: 'capsule',
  vials: 'vial',
  ampoules: 'ampoule',
  plants: 'plant',
  bushes: 'bush',
  litres: 'litre',
  packages: 'package',
  doses: 'dose',
  pieces: 'piece',
};

/** Units that name the thing counted: "350 cannabis plants", not "350 plants of cannabis". */
const PLANT_UNITS = new Set(['plants', 'bushes']);

function countPhrase(count: number, unit: string, substance: string): string {
  const units = count === 1 ? (SINGULAR[unit] ?? unit) : unit;
  if (PLANT_UNITS.has(unit)) return `${formatNumber(count)} ${substance} ${units}`;
  // "psychotropic tablets" already names its unit.
  if (substance.endsWith(` ${unit}`))
    return `${formatNumber(count)} ${count === 1 ? substance.slice(0, -1) : substance}`;
  return `${formatNumber(count)} ${units} of ${substance}`;
}

/**
 * One seizure in words: a counted unit first (tablets are counted, not weighed), else the mass, else the
 * substance alone ("heroin").
 */
export function seizurePhrase(seizure: Seizure): string {
  const substance = seizure.substance;
  if (seizure.count !== undefined && seizure.count > 0) {
    return countPhrase(seizure.count, seizure.unit ?? 'units', substance);
  }
  if (seizure.grams !== undefined && seizure.grams > 0) return `${formatMass(seizure.grams)} of ${substance}`;
  return substance;
}

/** "a, b and c"; with `more`, "a, b and other drugs". */
export function listPhrases(phrases: readonly string[], more = false): string {
  const all = more ? [...phrases, 'other drugs'] : [...phrases];
  if (all.length <= 1) return all.join('');
  return `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}
