import type { Country, Language } from '../domain/types.js';
import {
  type ArticleSelectors,
  type CrawlerKind,
  type SourceConfig,
  type SourceInput,
  sourceSchema,
} from './source-schema.js';

/** One parser of a source; every version but the last ends at `validUntil` (YYYY-MM-DD, exclusive). */
export interface ParserVersionDefinition {
  validUntil?: string;
  selectors: Partial<ArticleSelectors>;
}

/**
 * A source as code declares it (Fundus-style: data, no logic), with what it leaves to its group (country, time zone,
 * languages: src/sources/source-group.ts) filled in. `config/sources.yaml` enables it with `- use: <id>` and may
 * override its schedule, limits, discovery fields or current parser.
 */
export interface SourceDefinition {
  id: string;
  name: string;
  /** The site's host as people write it (`мвд.рф`, not punycode); the README's source table names it. */
  domain: string;
  country: Country;
  languages: Language[];
  timezone: string;
  official: boolean;
  crawler: CrawlerKind;
  discovery: SourceInput['discovery'];
  /** Oldest first; the last one has no `validUntil` and parses current pages. */
  parsers: [...ParserVersionDefinition[], ParserVersionDefinition];
  /**
   * The day its recorded pages and golden output were last checked against the live site; absent while the
   * pages are reconstructed by hand (no network where they were written).
   */
  verifiedLive?: string;
  /** What an operator should know: unverified feed URLs, a site that needs a browser, spam seen on the domain. */
  notes?: string;
}

/** The source as `config/sources.yaml` would spell it: older parsers under `parsers`, the current one as `article`. */
export function toSourceInput(definition: SourceDefinition): SourceInput {
  const older = definition.parsers.slice(0, -1);
  const current = definition.parsers.at(-1);
  return {
    id: definition.id,
    name: definition.name,
    country: definition.country,
    languages: [...definition.languages],
    timezone: definition.timezone,
    official: definition.official,
    crawler: definition.crawler,
    discovery: structuredClone(definition.discovery),
    article: { remove: [], ...structuredClone(current?.selectors ?? {}) },
    ...(older.length > 0
      ? {
          parsers: older.map((version) => ({
            validUntil: version.validUntil ?? '',
            selectors: { remove: [], ...structuredClone(version.selectors) },
          })),
        }
      : {}),
  };
}

/** The source with the built-in defaults applied, as `loadSourcesFile` returns it for `- use: <id>`. */
export function toSourceConfig(definition: SourceDefinition): SourceConfig {
  return sourceSchema.parse(toSourceInput(definition));
}
