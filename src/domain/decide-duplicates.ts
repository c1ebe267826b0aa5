/**
 * Exact duplicates by content hash (a pure step of the pipeline, src/workers/process-article.ts): against the
 * originals already stored and, in id order, within the batch — the first copy is the original.
 */

/** An article with its verdict's content hash, and the original it copies (null: it is an original). */
export interface Decided<A extends { id: number }, V extends { contentHash: string | null }> {
  article: A;
  verdict: V;
  duplicateOf: number | null;
}

export function decideDuplicates<A extends { id: number }, V extends { contentHash: string | null }>(
  analysed: ReadonlyArray<{ article: A; verdict: V }>,
  stored: ReadonlyMap<string, number>,
): Array<Decided<A, V>> {
  const firstInBatch = new Map<string, number>();
  return analysed.map(({ article, verdict }) => {
    const hash = verdict.contentHash;
    if (!hash) return { article, verdict, duplicateOf: null };
    const original = stored.get(hash) ?? firstInBatch.get(hash);
    if (original === undefined) firstInBatch.set(hash, article.id);
    return { article, verdict, duplicateOf: original ?? null };
  });
}
