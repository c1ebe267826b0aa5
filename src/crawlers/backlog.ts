/**
 * Work a crawl's handlers start without waiting for it, so that Crawlee fetches the next page meanwhile: an
 * article page waits for the extraction thread while the next one downloads. Whoever adds work past
 * `maxSize` waits until the backlog is below it again, so a fast site cannot pile pages up in memory.
 */
export class Backlog {
  private readonly running = new Set<Promise<void>>();
  private size = 0;
  private failure: { error: unknown } | undefined;

  constructor(private readonly maxSize: number) {}

  /** Counts `work` as `size` (the characters of the page it holds) until it ends. */
  async add(work: Promise<void>, size: number): Promise<void> {
    this.size += size;
    const tracked: Promise<void> = work
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        this.running.delete(tracked);
        this.size -= size;
      });
    this.running.add(tracked);
    while (this.size > this.maxSize) await Promise.race(this.running);
  }

  /** Waits for all work, including work added meanwhile; rejects with the first failure. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
    if (this.failure) throw this.failure.error;
  }
}
