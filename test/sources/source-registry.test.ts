import { describe, expect, it } from 'vitest';
import { loadSourcesFile, parseSourcesYaml, type SourcesConfigError } from '../../src/config/sources.js';
import { countryCodes } from '../../src/domain/types.js';
import { sourceRegistry } from '../../src/sources/index.js';
import { toSourceConfig, toSourceInput } from '../../src/sources/source-definition.js';
import { sourceSchema } from '../../src/sources/source-schema.js';

describe('the declared sources', () => {
  it('are valid sources with unique ids', () => {
    for (const definition of sourceRegistry) {
      const result = sourceSchema.safeParse(toSourceInput(definition));
      expect(result.error?.issues ?? [], definition.id).toEqual([]);
    }
    const ids = sourceRegistry.map((definition) => definition.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('cover every country with at least two sites, and at least two Telegram channels', () => {
    for (const country of countryCodes) {
      const sites = sourceRegistry.filter(
        (d) => d.country === country && d.discovery.strategy !== 'telegram',
      );
      expect(new Set(sites.map((d) => d.domain)).size, country).toBeGreaterThanOrEqual(2);
    }
    expect(sourceRegistry.filter((d) => d.discovery.strategy === 'telegram').length).toBeGreaterThanOrEqual(
      2,
    );
  });

  it('declare the current parser last: only older versions carry validUntil', () => {
    for (const definition of sourceRegistry) {
      expect(definition.parsers.at(-1)?.validUntil, definition.id).toBeUndefined();
      for (const older of definition.parsers.slice(0, -1))
        expect(older.validUntil, definition.id).toBeDefined();
    }
  });
});

describe('`use:` in a sources file', () => {
  it('resolves to the declared source with the entry’s overrides and the file’s defaults', () => {
    const { sources } = parseSourcesYaml(
      `defaults:
  limits: { requestDelayMs: 1500 }
sources:
  - use: tengrinews-kz
    schedule: "7 */2 * * *"
    discovery: { maxPages: 5 }
    article: { title: "h1.new-title" }
  - use: kun-uz
    id: kun-uz-second
    enabled: false
`,
      'inline.yaml',
    );
    const declared = toSourceConfig(sourceRegistry.find((d) => d.id === 'tengrinews-kz')!);
    const [tengri, kun] = sources;
    expect(tengri).toMatchObject({ id: 'tengrinews-kz', schedule: '7 */2 * * *', timezone: 'Asia/Almaty' });
    expect(tengri?.discovery).toEqual({ ...declared.discovery, maxPages: 5 });
    expect(tengri?.article).toEqual({ title: 'h1.new-title', remove: [] });
    expect(tengri?.parsers).toEqual(declared.parsers);
    expect(tengri?.limits.requestDelayMs).toBe(1500);
    expect(kun).toMatchObject({ id: 'kun-uz-second', enabled: false, crawler: 'cheerio' });
  });

  it('names an unknown source with its line, and typos in overrides like any other field', () => {
    try {
      parseSourcesYaml(
        'sources:\n  - use: no-such-site\n  - use: kun-uz\n    shedule: "5 * * * *"\n',
        'bad.yaml',
      );
      expect.unreachable();
    } catch (error) {
      const issues = (error as SourcesConfigError).issues;
      expect(issues.map((issue) => `${issue.line} ${issue.path}`)).toEqual([
        '2 sources[0].use',
        '4 sources[1].shedule',
      ]);
      expect(issues[0]?.message).toMatch(/unknown source "no-such-site".*kun-uz/);
      expect(issues[1]?.message).toContain('did you mean `schedule`');
    }
  });

  it('config/sources.yaml enables every declared source', () => {
    const ids = loadSourcesFile('config/sources.yaml').sources.map((source) => source.id);
    expect(ids).toEqual(expect.arrayContaining(sourceRegistry.map((definition) => definition.id)));
  });

  it('a Telegram source must point at a channel preview', () => {
    const result = sourceSchema.safeParse({
      ...toSourceInput(sourceRegistry.find((d) => d.discovery.strategy === 'telegram')!),
      discovery: { strategy: 'telegram', urls: ['https://t.me/POLICE_of_KZ'] },
    });
    expect(result.success).toBe(false);
  });
});
