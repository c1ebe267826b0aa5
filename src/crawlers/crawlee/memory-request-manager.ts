import {
  type AddRequestsBatchedResult,
  type IRequestManager,
  Request,
  type RequestQueueOperationInfo,
  type RequestQueueOperationOptions,
  type RequestsLike,
  type Source,
} from 'crawlee';

/**
 * The requests of one crawl, in memory: what Crawlee's RequestQueue does for us, without its storage client and
 * without the million-slot deduplication cache it allocates for every queue (two arrays of 10⁶ entries, a
 * tenth of a second of CPU per crawl, which a cycle of many sources pays many times over). First in, first out
 * (a retried request may go first), each `uniqueKey` once.
 */
export class MemoryRequestManager implements IRequestManager {
  private readonly pending: Request[] = [];
  private readonly inProgress = new Set<string>();
  /** Request id by uniqueKey, for every request ever added. */
  private readonly ids = new Map<string, string>();
  private readonly handledIds = new Set<string>();
  private nextId = 0;

  async isFinished(): Promise<boolean> {
    return this.pending.length === 0 && this.inProgress.size === 0;
  }

  async isEmpty(): Promise<boolean> {
    return this.pending.length === 0;
  }

  async handledCount(): Promise<number> {
    return this.handledIds.size;
  }

  getTotalCount(): number {
    return this.ids.size;
  }

  getPendingCount(): number {
    return this.ids.size - this.handledIds.size;
  }

  async fetchNextRequest<
    T extends Record<string, unknown> = Record<string, unknown>,
  >(): Promise<Request<T> | null> {
    const request = this.pending.shift();
    if (!request) return null;
    this.inProgress.add(request.id!);
    return request as Request<T>;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Request> {
    for (let request = await this.fetchNextRequest(); request; request = await this.fetchNextRequest()) {
      yield request;
    }
  }

  async markRequestHandled(request: Request): Promise<RequestQueueOperationInfo> {
    this.inProgress.delete(request.id!);
    this.handledIds.add(request.id!);
    request.handledAt ??= new Date().toISOString();
    return this.info(request, { wasAlreadyPresent: true, wasAlreadyHandled: false, forefront: false });
  }

  async reclaimRequest(
    request: Request,
    options: RequestQueueOperationOptions = {},
  ): Promise<RequestQueueOperationInfo> {
    this.inProgress.delete(request.id!);
    if (options.forefront) this.pending.unshift(request);
    else this.pending.push(request);
    return this.info(request, {
      wasAlreadyPresent: true,
      wasAlreadyHandled: false,
      forefront: !!options.forefront,
    });
  }

  async addRequest(source: Source | string, options: RequestQueueOperationOptions = {}) {
    const request = toRequest(source);
    const known = this.ids.get(request.uniqueKey);
    if (known !== undefined) {
      return {
        requestId: known,
        uniqueKey: request.uniqueKey,
        wasAlreadyPresent: true,
        wasAlreadyHandled: this.handledIds.has(known),
        forefront: !!options.forefront,
      } satisfies RequestQueueOperationInfo;
    }
    request.id = String(++this.nextId);
    this.ids.set(request.uniqueKey, request.id);
    if (options.forefront) this.pending.unshift(request);
    else this.pending.push(request);
    return this.info(request, {
      wasAlreadyPresent: false,
      wasAlreadyHandled: false,
      forefront: !!options.forefront,
    });
  }

  async addRequestsBatched(
    requests: RequestsLike,
    options: RequestQueueOperationOptions = {},
  ): Promise<AddRequestsBatchedResult> {
    const added = [];
    for await (const source of requests as AsyncIterable<Source | string>) {
      added.push(await this.addRequest(source, options));
    }
    return { addedRequests: added, waitForAllRequestsToBeAdded: Promise.resolve([]) };
  }

  private info(
    request: Request,
    state: { wasAlreadyPresent: boolean; wasAlreadyHandled: boolean; forefront: boolean },
  ): RequestQueueOperationInfo {
    return { requestId: request.id!, uniqueKey: request.uniqueKey, ...state };
  }
}

function toRequest(source: Source | string): Request {
  if (source instanceof Request) return source;
  if (typeof source === 'string') return new Request({ url: source });
  if (!source.url)
    throw new TypeError('a request needs a url (requestsFromUrl lists are not supported here)');
  return new Request({ ...source, url: source.url });
}
