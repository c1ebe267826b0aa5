import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import type { Role, SessionUser } from '../db/users-repo.js';
import type { DrugGlossary } from '../domain/drug-glossary.js';
import type { CompiledLexicon } from '../domain/keywords.js';
import type { SearchExpansions } from '../domain/search-query.js';
import type { Logger } from '../logger.js';
import type { SourceConfig } from '../sources/source-schema.js';
import type { LoginLimiter, LoginLimits } from './auth.js';
import type { EnglishSupport } from './english.js';
import type { FetchPolicy } from './safe-fetch.js';
import type { TrustedProxies } from './trust-proxy.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health check, static files). */
    public?: boolean;
    /** The least role a route needs; every other route needs an analyst. */
    role?: Role;
    /** The route checks its own CSRF token (the login form, before any session exists). */
    ownCsrf?: boolean;
  }
}

/** What the review server is built from, and what its routes get (apart from server.ts: no import cycle). */
export interface ReviewServerOptions {
  db: Database;
  lexicon: CompiledLexicon;
  /** The drugs glossary: search widens drug names with it, edits re-read seizure facts (default: the shipped one). */
  drugs?: DrugGlossary;
  userAgent: string;
  log?: Logger | undefined;
  /** Secure cookies: always, never, or when the request came over https ('auto', the default). */
  secureCookies?: boolean | 'auto';
  /**
   * Behind reverse proxies: believe these proxies' X-Forwarded-* headers (client address, https). The client
   * address is the right-most one that is not a trusted proxy's.
   */
  trustProxy?: TrustedProxies | undefined;
  fetchPolicy?: Partial<Omit<FetchPolicy, 'userAgent'>>;
  loginLimits?: LoginLimits;
  /** The declared sources, for the operators' page (read on each request, so edits show up). */
  loadSources?: () => SourceConfig[];
  /** Starts a crawl of one declared source now ("run now" on the sources page); resolves to what happened. */
  runSource?: (source: SourceConfig) => Promise<string>;
  /** Extra routes mounted behind operator login (Bull Board in distributed mode). */
  operatorPlugins?: Array<(app: FastifyInstance) => Promise<void>>;
  /** The reference moment of "days since" figures (tests). */
  now?: () => Date;
  /** Distributed mode: the queues whose Redis /readyz checks and /metrics reports. */
  probeQueues?: ReadonlyArray<Queue>;
  /** Where suggested English comes from besides English reports (the glossary's templates). */
  english?: EnglishSupport;
}

export interface ReviewDeps extends Required<Pick<ReviewServerOptions, 'db' | 'lexicon' | 'drugs'>> {
  /** Drug names in every language, for the queue's search by word. */
  search: SearchExpansions;
  fetchPolicy: FetchPolicy;
  limiter: LoginLimiter;
  secureCookie: (request: FastifyRequest) => boolean;
  loadSources: () => SourceConfig[];
  runSource: ((source: SourceConfig) => Promise<string>) | undefined;
  /** Bull Board is mounted (distributed mode). */
  queueDashboard: boolean;
  now: () => Date;
  english: EnglishSupport;
}
