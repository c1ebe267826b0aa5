import { describe, expect, it } from 'vitest';
import { evaluateStoryPairing, readStoryPairs } from '../../scripts/eval/story-pairing.js';
import { languageCodes } from '../../src/domain/types.js';

describe('the labelled story pairs', () => {
  const pairs = readStoryPairs();

  it('hold at least 120 valid pairs, half of them twins, in a dev and a held-out test part', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(120);
    expect(new Set(pairs.map((pair) => pair.id)).size).toBe(pairs.length);
    for (const split of ['dev', 'test']) {
      const part = pairs.filter((pair) => pair.split === split);
      expect(part.filter((pair) => pair.same).length * 2, split).toBe(part.length);
    }
  });

  it('pair an English report with a report in each of the eight languages', () => {
    for (const pair of pairs) expect(pair.a.lang, pair.id).toBe('eng');
    expect(new Set(pairs.map((pair) => pair.b.lang))).toEqual(new Set(languageCodes));
  });

  it('keep each event cluster in one part, so that the test texts are unseen while tuning', () => {
    const splitOf = new Map<string, string>();
    for (const pair of pairs) {
      for (const ref of [pair.a_ref, pair.b_ref]) {
        const cluster = ref.split('.')[0]!;
        if (!/^eng/.test(cluster)) expect(splitOf.get(cluster) ?? pair.split, ref).toBe(pair.split);
        splitOf.set(cluster, pair.split);
      }
    }
  });

  it('are scored with a precision and recall target on the test part', () => {
    const { figures } = evaluateStoryPairing(pairs.slice(0, 4));
    expect(figures.map((row) => row.figure)).toEqual(
      expect.arrayContaining([
        'story pairing EN ↔ local: dev, precision',
        'story pairing EN ↔ local: dev, recall',
      ]),
    );
    const heldOut = evaluateStoryPairing(pairs.filter((pair) => pair.split === 'test').slice(0, 2)).figures;
    expect(heldOut.every((row) => row.target !== undefined)).toBe(true);
  });
});
