import { describe, expect, it } from 'vitest';
import { decideDuplicates } from '../../src/domain/decide-duplicates.js';

const item = (id: number, contentHash: string | null) => ({ article: { id }, verdict: { contentHash } });

describe('decideDuplicates', () => {
  it('makes a copy of a stored original its duplicate, whatever the batch holds', () => {
    const decided = decideDuplicates([item(10, 'aaa'), item(11, 'aaa')], new Map([['aaa', 3]]));
    expect(decided.map((entry) => entry.duplicateOf)).toEqual([3, 3]);
  });

  it('makes the first copy within the batch the original of the later ones', () => {
    const decided = decideDuplicates([item(20, 'bbb'), item(21, 'ccc'), item(22, 'bbb')], new Map());
    expect(decided.map((entry) => [entry.article.id, entry.duplicateOf])).toEqual([
      [20, null],
      [21, null],
      [22, 20],
    ]);
  });

  it('leaves an article without a content hash (nothing to compare) an original', () => {
    const decided = decideDuplicates([item(30, null), item(31, null)], new Map());
    expect(decided.map((entry) => entry.duplicateOf)).toEqual([null, null]);
  });
});
