import { readFileSync } from 'node:fs';
import { domainToUnicode } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assembleBulletin, type BulletinEntry } from '../../src/bulletin/assemble.js';
import { parseRelease } from '../../src/bulletin/parse-release.js';
import { renderMarkdown } from '../../src/bulletin/render-markdown.js';
import { repairUrl, UnrepairableUrlError } from '../../src/bulletin/repair-url.js';
import { canonicalizeUrl } from '../../src/domain/canonical-url.js';
import { seedReleasePath } from '../support/bulletin.js';

const seedText = readFileSync(seedReleasePath(), 'utf8');
const seed = parseRelease(seedText);

describe('parseRelease on release #17', () => {
  it('reads the number, the period and 33 items with the per-country counts of the release', () => {
    expect(seed.number).toBe(17);
    expect(seed.period).toEqual({ from: '2025-09-01', to: '2025-09-30' });
    expect(seed.items).toHaveLength(33);
    expect(seed.by_country).toEqual({ AZ: 9, KZ: 11, KG: 1, RU: 8, TJ: 2, TM: 1, UZ: 1 });
    expect(seed.summaryCounts).toEqual({
      total: 33,
      byCountry: { AZ: 9, KZ: 11, KG: 1, RU: 8, TJ: 2, TM: 1, UZ: 1 },
    });
    expect(seed.mismatches).toEqual([]);
    expect(seed.items.map((item) => item.order)).toEqual(Array.from({ length: 33 }, (_, index) => index + 1));
  });

  it('repairs all 33 URLs into valid canonical URLs, incl. мвд.рф and the facebook post', () => {
    const urls = seed.items.map((item) => item.url);
    expect(urls.every((url) => url !== null)).toBe(true);
    for (const url of urls as string[]) {
      expect(url).not.toContain('xn--plai');
      const canonical = canonicalizeUrl(url);
      const host = new URL(canonical).hostname;
      expect(domainToUnicode(host)).not.toBe('');
    }
    expect(urls.filter((url) => url?.startsWith('https://xn--b1aew.xn--p1ai/'))).toHaveLength(8);
    expect(domainToUnicode('xn--b1aew.xn--p1ai')).toBe('мвд.рф');
    expect(urls).toContain('https://www.facebook.com/photo/?fbid=810677308139518&set=pcb.810677458139503');
    expect(new Set(urls.map((url) => canonicalizeUrl(url as string))).size).toBe(33);
  });

  it('reads the misspelt KYRGYZ PEPUBLIC of the contents as Kyrgyzstan', () => {
    expect(seed.contents.map((entry) => entry.country)).toEqual(['AZ', 'KZ', 'KG', 'RU', 'TJ', 'TM', 'UZ']);
    expect(seed.contents.find((entry) => entry.country === 'KG')?.page).toBe(15);
    expect(seed.repairs).toContain('heading "KYRGYZ PEPUBLIC" read as "KYRGYZ REPUBLIC"');
  });

  it('drops agency logos before titles and joins line-broken titles', () => {
    const titles = seed.items.map((item) => item.title);
    expect(titles).toContain('AZERBAIJAN ADOPTS SIX-YEAR PROGRAM TO COMBAT DRUG THREAT');
    expect(titles).toContain('MVD AND DEPUTIES DEVELOPED RECOMMENDATIONS FOR COMBATING DRUGS');
    expect(titles).toContain('БОЛЕЕ ТОННЫ НАРКОТИЧЕСКИХ ВЕЩЕСТВ СОЖГЛИ В ДУШАНБЕ');
    expect(titles.some((title) => /REPORT|ИНФОРМАЦИОННОЕ|Диалог|\*/.test(title))).toBe(false);
    expect(seed.items.some((item) => /ИНФОРМАЦИОННОЕ АГЕНТСТВО|Диалог\./.test(item.body))).toBe(false);
  });

  it('joins paragraphs split by a page break and keeps list lines apart', () => {
    const first = seed.items[0]?.body ?? '';
    expect(first).toContain('in conjunction with the Executive Authority of the Absheron District.');
    const kyrgyz = seed.items.find((item) => item.country === 'KG')?.body ?? '';
    expect(kyrgyz).toMatch(/\n- Drug situation in the Kyrgyz Republic/);
  });

  it('reports a disagreement between the items and the count line', () => {
    const oneRussianItemLess = seedText.replace(
      /POLICE OFFICERS AND COMMUNITY LEADERS IN PRIMORSKY KRAI[\s\S]*?<https:\/\/xn--b1aew\.xn--plai\/news\/item\/70894588>/,
      '',
    );
    const parsed = parseRelease(oneRussianItemLess);
    expect(parsed.by_country.RU).toBe(7);
    expect(parsed.mismatches).toEqual([
      { country: 'RU', counted: 7, stated: 8 },
      { country: 'total', counted: 32, stated: 33 },
    ]);
  });

  it('keeps an item printed without a URL apart from the next one', () => {
    const parsed = parseRelease(
      [
        'In the period from 1 to 31 October 2025, based on information from mass media CARICC member states and other countries covered 2 events in the counter-narcotics field (*Kazakhstan - 2*).',
        'REPUBLIC OF KAZAKHSTAN',
        'FIRST HEADLINE ABOUT A RAID',
        'Body of the first item.',
        'SECOND HEADLINE ABOUT A SEIZURE',
        'Body of the second item.',
        '<https://polisia.kz/ru/second/>',
      ].join('\n\n'),
    );
    expect(parsed.period).toEqual({ from: '2025-10-01', to: '2025-10-31' });
    expect(parsed.items.map((item) => [item.title, item.url])).toEqual([
      ['FIRST HEADLINE ABOUT A RAID', null],
      ['SECOND HEADLINE ABOUT A SEIZURE', 'https://polisia.kz/ru/second/'],
    ]);
    expect(parsed.mismatches).toEqual([]);
  });
});

describe('repairUrl', () => {
  it('turns a letter l read for the digit 1 in a punycode label back', () => {
    expect(repairUrl('https://xn--b1aew.xn--plai/news/item/1').url).toBe(
      'https://xn--b1aew.xn--p1ai/news/item/1',
    );
  });

  it('removes line breaks, adds a missing scheme and trailing punctuation', () => {
    expect(repairUrl('polisia.kz/ru/long-\nslug/.').url).toBe('https://polisia.kz/ru/long-slug/');
  });

  it('leaves a sound URL alone and refuses what cannot be a URL', () => {
    expect(repairUrl('https://report.az/ru/x').repairs).toEqual([]);
    expect(() => repairUrl('https://')).toThrow(UnrepairableUrlError);
  });
});

describe('Markdown export of an imported release', () => {
  it('parses back into the same items, counts line and topics', () => {
    const entries: BulletinEntry[] = seed.items.map((item) => ({
      id: item.order,
      articleId: null,
      country: item.country,
      title: item.title,
      titleIsEnglish: true,
      body: item.body,
      url: item.url,
      publishedOn: null,
      position: item.order,
    }));
    const bulletin = assembleBulletin({
      number: 17,
      period: { from: '2025-09-01', to: '2025-09-30' },
      entries,
      lang: 'en',
      topics: seed.topics,
    });
    const reparsed = parseRelease(renderMarkdown(bulletin));
    expect(reparsed.items).toEqual(seed.items);
    expect(reparsed.countsLine).toBe(seed.countsLine);
    expect(reparsed.topics).toBe(seed.topics);
    expect(reparsed.repairs).toEqual([]);
  });
});
