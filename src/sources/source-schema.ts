import { z } from 'zod';
import { countrySchema, languageSchema } from '../domain/types.js';

export const discoveryStrategies = ['rss', 'listing', 'sitemap', 'telegram'] as const;
export const crawlerKinds = ['cheerio', 'playwright'] as const;

export const DEFAULT_SCHEDULE = '0 */6 * * *';

interface CronField {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const cronFields: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  // 7 is Sunday too, as in Vixie cron and cron-parser (which BullMQ uses).
  { name: 'day-of-week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

function parseCronValue(text: string, field: CronField): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const nameIndex = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (nameIndex < 0) return undefined;
  return field.min === 1 ? nameIndex + 1 : nameIndex;
}

function checkCronPart(part: string, field: CronField): string | undefined {
  const [range = '', step, ...extra] = part.split('/');
  if (extra.length > 0 || (step !== undefined && !/^[1-9]\d*$/.test(step))) {
    return `${field.name} field "${part}" has a bad step`;
  }
  if (range === '*') return undefined;
  const bounds = range.split('-');
  if (bounds.length > 2) return `${field.name} field "${part}" is not a value or a range`;
  const values = bounds.map((bound) => parseCronValue(bound, field));
  for (const [i, value] of values.entries()) {
    if (value === undefined) return `${field.name} field "${part}": "${bounds[i]}" is not a number`;
    if (value < field.min || value > field.max) {
      return `${field.name} field "${part}" out of range ${field.min}-${field.max}`;
    }
  }
  const [from = 0, to = from] = values as number[];
  if (from > to) return `${field.name} field "${part}": range ${from}-${to} runs backwards`;
  return undefined;
}

/** Checks a 5-field cron expression; returns what is wrong, or undefined when it is valid. */
export function findCronError(expression: string): string | undefined {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) {
    return `expected 5 cron fields (minute hour day-of-month month day-of-week), got ${parts.length}`;
  }
  for (const [i, field] of cronFields.entries()) {
    for (const part of (parts[i] ?? '').split(',')) {
      const error = checkCronPart(part, field);
      if (error) return error;
    }
  }
  return undefined;
}

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function compilesAsRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

const nonEmptyText = z.string().trim().min(1, 'expected a non-empty string');
const positiveInt = z.int().positive();

const cronSchema = z.string().superRefine((value, ctx) => {
  const error = findCronError(value);
  if (error) ctx.addIssue({ code: 'custom', message: `invalid cron "${value}": ${error}` });
});

const httpUrlSchema = z.string().refine(isHttpUrl, {
  error: (issue) => `expected an absolute http(s) URL (got ${JSON.stringify(issue.input)})`,
});

const limitFieldSchemas = {
  maxAgeDays: positiveInt,
  maxArticles: positiveInt,
  requestDelayMs: z.int().nonnegative(),
  maxConcurrency: positiveInt,
  timeoutSecs: positiveInt,
  maxPageBytes: positiveInt,
};

type LimitName = keyof typeof limitFieldSchemas;

export const DEFAULT_LIMITS: Readonly<Record<LimitName, number>> = {
  maxAgeDays: 45,
  maxArticles: 50,
  requestDelayMs: 250,
  maxConcurrency: 2,
  timeoutSecs: 30,
  maxPageBytes: 5_000_000,
};

const limitsSchema = z.strictObject({
  maxAgeDays: limitFieldSchemas.maxAgeDays.default(DEFAULT_LIMITS.maxAgeDays),
  maxArticles: limitFieldSchemas.maxArticles.default(DEFAULT_LIMITS.maxArticles),
  requestDelayMs: limitFieldSchemas.requestDelayMs.default(DEFAULT_LIMITS.requestDelayMs),
  maxConcurrency: limitFieldSchemas.maxConcurrency.default(DEFAULT_LIMITS.maxConcurrency),
  timeoutSecs: limitFieldSchemas.timeoutSecs.default(DEFAULT_LIMITS.timeoutSecs),
  maxPageBytes: limitFieldSchemas.maxPageBytes.default(DEFAULT_LIMITS.maxPageBytes),
});

/** A channel's public web preview, https://t.me/s/<channel>; also matches a recorded copy served locally. */
export const TELEGRAM_PREVIEW_URL = /\/t\.me\/s\/[A-Za-z0-9_]{4,}\/?$/;

const discoverySchema = z
  .strictObject({
    strategy: z.enum(discoveryStrategies),
    urls: z.array(httpUrlSchema).min(1, 'expected at least one URL'),
    linkSelector: nonEmptyText.optional(),
    nextPageSelector: nonEmptyText.optional(),
    maxPages: positiveInt.default(3),
    urlPattern: z
      .string()
      .refine(compilesAsRegExp, {
        error: (issue) => `not a valid regular expression: ${String(issue.input)}`,
      })
      .optional(),
  })
  .superRefine((discovery, ctx) => {
    if (discovery.strategy === 'listing' && discovery.linkSelector === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['linkSelector'],
        message: 'missing required field `linkSelector` (required when strategy is listing)',
      });
    }
    if (discovery.strategy === 'telegram') {
      discovery.urls.forEach((url, index) => {
        if (!TELEGRAM_PREVIEW_URL.test(url)) {
          ctx.addIssue({
            code: 'custom',
            path: ['urls', index],
            message: `expected a public channel preview https://t.me/s/<channel> (got "${url}")`,
          });
        }
      });
    }
  });

const articleSelectorsSchema = z.strictObject({
  title: nonEmptyText.optional(),
  body: nonEmptyText.optional(),
  date: nonEmptyText.optional(),
  remove: z.array(nonEmptyText).default([]),
});

/**
 * An older parser of a source whose site changed its markup: pages recorded or crawled before `validUntil`
 * (YYYY-MM-DD, in the source's time zone) are read with these selectors; later ones with `article`.
 */
const parserVersionSchema = z.strictObject({
  validUntil: z.iso.date({ error: 'expected a date YYYY-MM-DD' }),
  selectors: articleSelectorsSchema,
});

const olderParsersSchema = z
  .array(parserVersionSchema)
  .min(1, 'expected at least one parser version')
  .superRefine((versions, ctx) => {
    versions.forEach((version, index) => {
      const previous = versions[index - 1];
      if (previous && previous.validUntil >= version.validUntil) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'validUntil'],
          message: `parser versions must be listed oldest first (${version.validUntil} follows ${previous.validUntil})`,
        });
      }
    });
  });

/** One source as operators write it; parsing applies the built-in defaults. */
export const sourceSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and dashes (e.g. polisia-kz-ru)'),
  name: nonEmptyText,
  country: countrySchema,
  languages: z.array(languageSchema).min(1, 'expected at least one language'),
  timezone: z.string().refine(isValidTimeZone, {
    error: (issue) => `expected an IANA time zone such as Asia/Almaty (got ${JSON.stringify(issue.input)})`,
  }),
  official: z.boolean().default(false),
  enabled: z.boolean().default(true),
  schedule: cronSchema.default(DEFAULT_SCHEDULE),
  crawler: z.enum(crawlerKinds).default('cheerio'),
  discovery: discoverySchema,
  article: articleSelectorsSchema.default({ remove: [] }),
  /** Parsers for pages recorded before markup changes, oldest first; `article` parses current pages. */
  parsers: olderParsersSchema.optional(),
  limits: limitsSchema.default({ ...DEFAULT_LIMITS }),
});

/** The `defaults:` block: values every source inherits unless it sets its own. */
export const sourceDefaultsSchema = z.strictObject({
  schedule: cronSchema.optional(),
  crawler: z.enum(crawlerKinds).optional(),
  limits: z.strictObject(limitFieldSchemas).partial().optional(),
});

export type SourceConfig = z.output<typeof sourceSchema>;
export type SourceInput = z.input<typeof sourceSchema>;
export type SourceDefaults = z.output<typeof sourceDefaultsSchema>;
export type DiscoveryStrategy = (typeof discoveryStrategies)[number];
export type CrawlerKind = (typeof crawlerKinds)[number];
export type SourceLimits = SourceConfig['limits'];
export type ArticleSelectors = SourceConfig['article'];
export type ParserVersion = z.output<typeof parserVersionSchema>;

export interface SourcesFile {
  sources: SourceConfig[];
}
