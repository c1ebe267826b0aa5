/**
 * The seizure facts an item's English is built from: the shared contract with the facts stage
 * (`extractSeizureFacts` in src/domain/seizure-facts.ts, built in parallel). These types repeat the contract
 * word for word so that this module compiles alone; once the facts stage is merged, they can be replaced by
 * `export type { … } from '../seizure-facts.js'` (TypeScript's structural typing makes both interchangeable).
 */

export type SubstanceId =
  | 'heroin'
  | 'opium'
  | 'hashish'
  | 'cannabis'
  | 'cocaine'
  | 'methamphetamine'
  | 'amphetamine'
  | 'mephedrone'
  | 'methadone'
  | 'tramadol'
  | 'pregabalin'
  | 'tropicamide'
  | 'synthetic drugs'
  | 'psychotropic tablets'
  | 'poppy straw'
  | 'precursors';

export interface Seizure {
  substance: SubstanceId;
  grams?: number;
  count?: number;
  /** 'tablets' | 'capsules' | 'vials' | 'plants' | 'bushes' | 'litres' … */
  unit?: string;
}

export interface SeizureFacts {
  seizures: Seizure[];
  /** People detained or arrested, where stated. */
  detained?: number;
  /** Where, as written in the text (the original spelling). */
  place?: string;
  /** Operation name, e.g. "Мак-2025", "Kanal". */
  operation?: string;
  /** Criminal-code article, e.g. "228.1". */
  article?: string;
}
