/**
 * The seizure facts an item's English is built from: the facts stage's contract (src/domain/seizure-facts.ts),
 * re-exported so that the English modules name one source of these types.
 */
export type { Seizure, SeizureFacts, SubstanceId } from '../seizure-facts.js';
