import { resolve } from 'node:path';
import { z } from 'zod';

export const DEFAULT_DATA_DIR = './data';

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  HARVEST_DATA_DIR: z.string().min(1).optional(),
  HARVEST_QUEUE_PREFIX: z.string().min(1).default('harvest'),
  HARVEST_KEYWORDS: z.string().min(1).default('config/keywords.yaml'),
  HARVEST_SOURCES: z.string().min(1).default('config/sources.yaml'),
  /** Pending work older than this is considered lost by its queue and is enqueued again. */
  HARVEST_RECOVERY_AFTER_SECS: z.coerce.number().int().positive().default(60),
  /** Slack/Teams-compatible incoming webhook that hears of source health changes. */
  HARVEST_WEBHOOK_URL: z.string().url().optional(),
  /** A crawl that holds its source longer than this without renewing lets the next one start. */
  HARVEST_LEASE_SECS: z.coerce.number().int().positive().default(3600),
  HARVEST_USER_AGENT: z
    .string()
    .default('BulletinHarvester/0.1 (+https://www.caricc.org; media monitoring for an anti-drug bulletin)'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Machine translation into English: off (default) or a self-hosted LibreTranslate (src/translation/). */
  HARVEST_TRANSLATOR: z.enum(['off', 'libretranslate']).default('off'),
  HARVEST_LIBRETRANSLATE_URL: z.string().url().optional(),
  /** Empty = no key (docker-compose passes the variable through even when unset). */
  HARVEST_LIBRETRANSLATE_API_KEY: z
    .string()
    .optional()
    .transform((key) => key || undefined),
  HARVEST_LIBRETRANSLATE_TIMEOUT_SECS: z.coerce.number().int().positive().default(30),
});

/** Rules between variables. */
const checkedEnvSchema = envSchema.superRefine((env, ctx) => {
  if (env.HARVEST_TRANSLATOR === 'libretranslate' && !env.HARVEST_LIBRETRANSLATE_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['HARVEST_LIBRETRANSLATE_URL'],
      message: 'required when HARVEST_TRANSLATOR=libretranslate',
    });
  }
});

export type AppConfig = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof envSchema>) {
  return {
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    dataDir: resolve(env.HARVEST_DATA_DIR ?? DEFAULT_DATA_DIR),
    /** True when the database was named (HARVEST_DATA_DIR, `--data-dir` or DATABASE_URL), not the default. */
    databaseNamed: env.HARVEST_DATA_DIR !== undefined || env.DATABASE_URL !== undefined,
    queuePrefix: env.HARVEST_QUEUE_PREFIX,
    keywordsPath: env.HARVEST_KEYWORDS,
    sourcesPath: env.HARVEST_SOURCES,
    recoveryAfterSecs: env.HARVEST_RECOVERY_AFTER_SECS,
    webhookUrl: env.HARVEST_WEBHOOK_URL,
    leaseSecs: env.HARVEST_LEASE_SECS,
    userAgent: env.HARVEST_USER_AGENT,
    logLevel: env.LOG_LEVEL,
    translator: translatorConfig(env),
  };
}

/** Which machine translator to build (src/translation/create-translator.ts). */
export type TranslatorConfig =
  | { engine: 'off' }
  | { engine: 'libretranslate'; url: string; apiKey: string | undefined; timeoutMs: number };

function translatorConfig(env: z.infer<typeof envSchema>): TranslatorConfig {
  if (env.HARVEST_TRANSLATOR === 'off' || !env.HARVEST_LIBRETRANSLATE_URL) return { engine: 'off' };
  return {
    engine: 'libretranslate',
    url: env.HARVEST_LIBRETRANSLATE_URL,
    apiKey: env.HARVEST_LIBRETRANSLATE_API_KEY,
    timeoutMs: env.HARVEST_LIBRETRANSLATE_TIMEOUT_SECS * 1000,
  };
}

export class EnvError extends Error {}

/** Reads the environment once; everything else receives the typed config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = checkedEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return toConfig(parsed.data);
}
