import { describe, expect, it } from 'vitest';
import { selectParser } from '../../src/crawlers/routes/select-parser.js';
import { sourceSchema } from '../../src/sources/source-schema.js';

const source = sourceSchema.parse({
  id: 'versioned',
  name: 'Versioned',
  country: 'KZ',
  languages: ['rus'],
  timezone: 'Asia/Almaty',
  discovery: { strategy: 'rss', urls: ['https://x.example/rss'] },
  article: { title: 'h1.v3' },
  parsers: [
    { validUntil: '2024-01-01', selectors: { title: 'h1.v1' } },
    { validUntil: '2025-06-01', selectors: { title: 'h1.v2' } },
  ],
});

describe('selectParser', () => {
  it('picks the oldest version still valid on the page date, else the current parser', () => {
    expect(selectParser(source, new Date('2023-05-01T00:00:00Z'))).toMatchObject({ version: 1, of: 3 });
    expect(selectParser(source, new Date('2024-03-01T00:00:00Z')).selectors.title).toBe('h1.v2');
    expect(selectParser(source, new Date('2025-09-01T00:00:00Z'))).toMatchObject({
      version: 3,
      of: 3,
      selectors: { title: 'h1.v3' },
    });
  });

  it('compares days on the source’s own calendar', () => {
    // 31 May 20:00 UTC is already 1 June in Almaty (UTC+5): the new parser applies.
    expect(selectParser(source, new Date('2025-05-31T20:00:00Z')).version).toBe(3);
    expect(selectParser(source, new Date('2025-05-31T18:00:00Z')).version).toBe(2);
  });

  it('is the current parser alone for a source without older versions', () => {
    const { parsers: _older, ...plain } = source;
    expect(selectParser(plain, new Date('2020-01-01T00:00:00Z'))).toMatchObject({ version: 1, of: 1 });
  });

  it('refuses parser versions out of order', () => {
    const result = sourceSchema.safeParse({
      ...source,
      parsers: [
        { validUntil: '2025-06-01', selectors: {} },
        { validUntil: '2024-01-01', selectors: {} },
      ],
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('oldest first');
  });
});
