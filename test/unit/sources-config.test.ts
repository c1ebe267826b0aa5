import { describe, expect, it } from 'vitest';
import {
  type ConfigIssue,
  formatConfigIssues,
  loadSourcesFile,
  parseSourcesYaml,
  SourcesConfigError,
  substituteVariables,
} from '../../src/config/sources.js';
import { findCronError, sourceSchema } from '../../src/sources/source-schema.js';

const file = 'config/test.yaml';

/** A valid two-source file; tests break one line of it at a time. */
const validYaml = `defaults:
  schedule: "0 */4 * * *"
  limits: { maxAgeDays: 30 }
sources:
  - id: alpha-kz
    name: Alpha
    country: KZ
    languages: [rus, kaz]
    timezone: Asia/Almaty
    discovery:
      strategy: listing
      urls: ["https://alpha.example/ru/"]
      linkSelector: "a.post"
  - id: beta-az
    name: Beta
    country: AZ
    languages: [aze]
    timezone: Asia/Baku
    schedule: "15 */3 * * *"
    crawler: playwright
    discovery:
      strategy: rss
      urls: ["https://beta.example/rss"]
    limits:
      maxArticles: 10
`;

function issuesOf(yaml: string): ConfigIssue[] {
  try {
    parseSourcesYaml(yaml, file);
  } catch (error) {
    if (error instanceof SourcesConfigError) return error.issues;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

function onlyIssue(yaml: string): ConfigIssue {
  const issues = issuesOf(yaml);
  expect(issues, formatConfigIssues(issues)).toHaveLength(1);
  return issues[0] as ConfigIssue;
}

describe('parseSourcesYaml', () => {
  it('loads a valid file and applies file defaults, then built-in defaults', () => {
    const { sources } = parseSourcesYaml(validYaml, file);
    const [alpha, beta] = sources;
    expect(alpha).toMatchObject({
      id: 'alpha-kz',
      schedule: '0 */4 * * *',
      crawler: 'cheerio',
      enabled: true,
      official: false,
      discovery: { strategy: 'listing', maxPages: 3 },
      article: { remove: [] },
      limits: { maxAgeDays: 30, maxArticles: 50, requestDelayMs: 250, maxConcurrency: 2, timeoutSecs: 30 },
    });
    expect(beta).toMatchObject({
      schedule: '15 */3 * * *',
      crawler: 'playwright',
      limits: { maxAgeDays: 30, maxArticles: 10, maxPageBytes: 5_000_000 },
    });
  });

  it('reports a YAML syntax error with its line and column', () => {
    const issue = onlyIssue(validYaml.replace('languages: [aze]', 'languages: [aze'));
    expect(issue.file).toBe(file);
    expect(issue.line).toBeGreaterThanOrEqual(17);
    expect(issue.path).toBe('');
  });

  it('reports a duplicate key at the second occurrence', () => {
    const issue = onlyIssue(validYaml.replace('    name: Beta\n', '    name: Beta\n    name: Gamma\n'));
    expect(issue).toMatchObject({ line: 16, column: 5, message: 'duplicate key `name`' });
  });

  it('names the allowed strategies when the strategy is unknown', () => {
    const issue = onlyIssue(validYaml.replace('strategy: rss', 'strategy: feed'));
    expect(issue).toMatchObject({
      line: 22,
      column: 17,
      path: 'sources[1].discovery.strategy',
      message: 'expected one of rss, listing, sitemap, telegram (got "feed")',
    });
  });

  it('points a missing required field at the source that lacks it', () => {
    const issue = onlyIssue(validYaml.replace('    country: AZ\n', ''));
    expect(issue).toMatchObject({
      line: 14,
      column: 5,
      path: 'sources[1].country',
      message: 'missing required field `country`',
    });
  });

  it('points a missing nested field at its parent key', () => {
    const issue = onlyIssue(validYaml.replace('      linkSelector: "a.post"\n', ''));
    expect(issue).toMatchObject({ line: 10, column: 5, path: 'sources[0].discovery.linkSelector' });
    expect(issue.message).toContain('required when strategy is listing');
  });

  it('reports a wrong type with what was found', () => {
    const issue = onlyIssue(validYaml.replace('maxArticles: 10', 'maxArticles: ten'));
    expect(issue).toMatchObject({
      line: 25,
      column: 20,
      path: 'sources[1].limits.maxArticles',
      message: 'expected a number (got string "ten")',
    });
  });

  it('rejects an unknown field at its key and suggests the closest known one', () => {
    const issue = onlyIssue(
      validYaml.replace('    crawler: playwright\n', '    crawler: playwright\n    enabeld: false\n'),
    );
    expect(issue).toMatchObject({
      line: 21,
      column: 5,
      path: 'sources[1].enabeld',
      message: 'unknown field `enabeld` (did you mean `enabled`?)',
    });
  });

  it('suggests the camelCase spelling of a snake_case field', () => {
    const issue = onlyIssue(validYaml.replace('maxArticles: 10', 'max_articles: 10'));
    expect(issue.message).toBe('unknown field `max_articles` (did you mean `maxArticles`?)');
  });

  it('reports a duplicate source id at the second one', () => {
    const issue = onlyIssue(validYaml.replace('id: beta-az', 'id: alpha-kz'));
    expect(issue).toMatchObject({ line: 14, column: 9, path: 'sources[1].id' });
    expect(issue.message).toBe('duplicate source id "alpha-kz" (already used by sources[0])');
  });

  it('rejects a bad cron expression and says which field is wrong', () => {
    const issue = onlyIssue(validYaml.replace('"15 */3 * * *"', '"15 25 * * *"'));
    expect(issue).toMatchObject({ line: 19, column: 15, path: 'sources[1].schedule' });
    expect(issue.message).toBe('invalid cron "15 25 * * *": hour field "25" out of range 0-23');
  });

  it('checks cron inherited from defaults where the default is written', () => {
    const issue = onlyIssue(validYaml.replace('"0 */4 * * *"', '"0 */4 * *"'));
    expect(issue).toMatchObject({ line: 2, column: 13, path: 'defaults.schedule' });
  });

  it('rejects an unknown time zone', () => {
    const issue = onlyIssue(validYaml.replace('Asia/Baku', 'Asia/Bakuu'));
    expect(issue).toMatchObject({ line: 18, column: 15, path: 'sources[1].timezone' });
    expect(issue.message).toContain('IANA time zone');
  });

  it('rejects a URL that is not absolute http(s)', () => {
    const issue = onlyIssue(validYaml.replace('"https://beta.example/rss"', '"ftp://beta.example/rss"'));
    expect(issue).toMatchObject({
      line: 23,
      column: 14,
      path: 'sources[1].discovery.urls[0]',
      message: 'expected an absolute http(s) URL (got "ftp://beta.example/rss")',
    });
  });

  it('rejects a URL pattern that is not a regular expression', () => {
    const yaml = validYaml.replace(
      '      urls: ["https://beta.example/rss"]\n',
      '$&      urlPattern: "(["\n',
    );
    expect(onlyIssue(yaml)).toMatchObject({ line: 24, path: 'sources[1].discovery.urlPattern' });
  });

  it('reports every problem of a file at once, in file order', () => {
    const yaml = validYaml
      .replace('country: KZ', 'country: XX')
      .replace('languages: [aze]', 'languages: [az]');
    const issues = issuesOf(yaml);
    expect(issues.map((issue) => issue.path)).toEqual(['sources[0].country', 'sources[1].languages[0]']);
  });

  it('formats issues as file:line:column path: message', () => {
    const text = formatConfigIssues([
      {
        file: 'config/sources.yaml',
        line: 42,
        column: 7,
        path: 'sources[3].discovery.strategy',
        message: 'bad',
      },
      { file: 'config/sources.yaml', line: 1, column: 1, path: '', message: 'syntax' },
    ]);
    expect(text).toBe(
      'config/sources.yaml:42:7 sources[3].discovery.strategy: bad\nconfig/sources.yaml:1:1 syntax',
    );
  });
});

/** `${NAME}` written without tripping the linter's template-string check. */
const placeholder = (name: string) => `\${${name}}`;

describe('substituteVariables', () => {
  it('replaces known placeholders and leaves comment lines alone', () => {
    const text = `# uses ${placeholder('ORIGIN')}\nurls: ["${placeholder('ORIGIN')}/a/"]\n`;
    expect(substituteVariables(text, { ORIGIN: 'http://127.0.0.1:4870' })).toBe(
      `# uses ${placeholder('ORIGIN')}\nurls: ["http://127.0.0.1:4870/a/"]\n`,
    );
  });

  it('reports an unknown placeholder with its line and column', () => {
    try {
      substituteVariables(`a: 1\nurls: ["${placeholder('ORIGN')}/a/"]\n`, { ORIGIN: 'x' }, file);
      expect.unreachable();
    } catch (error) {
      expect((error as SourcesConfigError).issues).toEqual([
        {
          file,
          line: 2,
          column: 9,
          path: '',
          message: `unknown variable ${placeholder('ORIGN')} (known: ORIGIN)`,
        },
      ]);
    }
  });
});

describe('findCronError', () => {
  it.each(['*/15 * * * *', '0 9,15 * * 1-5', '30 6 1 JAN-MAR sun', '0 0 * * 7', '5-55/10 */2 1-31/3 * *'])(
    'accepts %s',
    (expression) => expect(findCronError(expression)).toBeUndefined(),
  );
  it.each([
    ['* * * *', 'expected 5 cron fields'],
    ['60 * * * *', 'minute field "60" out of range 0-59'],
    ['0 0 0 * *', 'day-of-month field "0" out of range 1-31'],
    ['0 0 * 13 *', 'month field "13" out of range 1-12'],
    ['*/0 * * * *', 'bad step'],
    ['0 10-2 * * *', 'runs backwards'],
    ['0 x * * *', '"x" is not a number'],
  ])('rejects %s', (expression, expected) => expect(findCronError(expression)).toContain(expected));
});

describe('sourceSchema', () => {
  it('resolves built-in defaults for a single source', () => {
    const source = sourceSchema.parse({
      id: 'x',
      name: 'X',
      country: 'TJ',
      languages: ['tgk'],
      timezone: 'Asia/Dushanbe',
      discovery: { strategy: 'sitemap', urls: ['https://x.example/sitemap.xml'] },
    });
    expect(source.schedule).toBe('0 */6 * * *');
    expect(source.limits.maxPageBytes).toBe(5_000_000);
  });
});

describe('the shipped configuration files', () => {
  it('config/sources.yaml loads cleanly', () => {
    const { sources } = loadSourcesFile('config/sources.yaml');
    expect(sources.map((source) => source.id)).toEqual(
      expect.arrayContaining([
        'polisia-kz-ru',
        'nmdk-gov-az',
        'mvd-rf',
        'report-az-ru',
        'dialog-tj',
        'caricc-org',
      ]),
    );
    expect(sources.find((source) => source.id === 'mvd-rf')?.crawler).toBe('playwright');
  });

  it('config/sources.demo.yaml loads cleanly once the fixtures origin is given', () => {
    const origin = 'http://127.0.0.1:4870';
    const { sources } = loadSourcesFile('config/sources.demo.yaml', {
      variables: { FIXTURES_ORIGIN: origin },
    });
    expect(sources.length).toBeGreaterThanOrEqual(4);
    for (const url of sources.flatMap((source) => source.discovery.urls))
      expect(url.startsWith(`${origin}/`)).toBe(true);
  });
});
