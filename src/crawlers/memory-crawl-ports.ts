import type { CandidateArticle } from '../db/articles-repo.js';
import type { CrawlPorts } from './crawl-session.js';
import { extractArticle } from './extract/extract-article.js';

/**
 * A crawl's ports in memory, for replays of recorded pages (golden and expectation tests), `harvest sources
 * test` and scripts/record-source.ts: nothing is known before, candidates are kept in `candidates`, extraction
 * runs in this thread unless another extractor is given (add-by-URL uses the isolated one). Apart from these ports, such a crawl runs the production handlers unchanged.
 */
export class MemoryCrawlPorts implements CrawlPorts {
  readonly candidates: CandidateArticle[] = [];

  constructor(
    private readonly known: ReadonlySet<string> = new Set(),
    private readonly extractor: CrawlPorts['extract'] = async (input) => extractArticle(input),
  ) {}

  async unknownUrls(canonicals: readonly string[]): Promise<Set<string>> {
    const stored = new Set(this.candidates.map((candidate) => candidate.canonicalUrl));
    return new Set(canonicals.filter((url) => !this.known.has(url) && !stored.has(url)));
  }

  async store(candidate: CandidateArticle): Promise<void> {
    if (!this.candidates.some((other) => other.canonicalUrl === candidate.canonicalUrl)) {
      this.candidates.push(candidate);
    }
  }

  async extract(input: Parameters<CrawlPorts['extract']>[0], timeoutMs: number) {
    return this.extractor(input, timeoutMs);
  }

  async conditionalHeaders(): Promise<Record<string, string>> {
    return {};
  }

  async rememberValidators(): Promise<void> {}

  async progress(): Promise<void> {}

  async flush(): Promise<void> {}
}
