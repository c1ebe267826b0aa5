import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceGroups, sourceRegistry } from '../../src/sources/index.js';
import { type DeclaredSource, sourceGroup, withGroupDefaults } from '../../src/sources/source-group.js';

const SOURCES_DIR = 'src/sources';

const declaration: DeclaredSource = {
  id: 'example-kz',
  name: 'Example',
  domain: 'example.kz',
  official: false,
  crawler: 'cheerio',
  discovery: { strategy: 'rss', urls: ['https://example.kz/rss'] },
  parsers: [{ selectors: {} }],
};

describe('a source group', () => {
  const defaults = { country: 'KZ', timezone: 'Asia/Almaty', languages: ['rus'] } as const;

  it('gives a source that leaves them out the group’s country, time zone and languages', () => {
    expect(withGroupDefaults(declaration, defaults)).toMatchObject({
      id: 'example-kz',
      country: 'KZ',
      timezone: 'Asia/Almaty',
      languages: ['rus'],
    });
  });

  it('keeps what a source sets itself', () => {
    const own: DeclaredSource = {
      ...declaration,
      country: 'RU',
      timezone: 'Europe/Moscow',
      languages: ['eng', 'rus'],
    };
    expect(withGroupDefaults(own, defaults)).toMatchObject({
      country: 'RU',
      timezone: 'Europe/Moscow',
      languages: ['eng', 'rus'],
    });
  });

  it('lists its sources in their order, each its own copy of the languages', () => {
    const group = sourceGroup(
      { id: 'kz', name: 'Kazakhstan', defaults: { ...defaults, languages: ['rus'] } },
      [declaration, { ...declaration, id: 'example-kz-en', languages: ['eng'] }],
    );
    expect(group.sources.map((source) => [source.id, source.languages])).toEqual([
      ['example-kz', ['rus']],
      ['example-kz-en', ['eng']],
    ]);
    group.sources[0]?.languages.push('kaz');
    expect(group.defaults.languages).toEqual(['rus']);
    expect(group.sources[0]).not.toBe(declaration);
  });
});

describe('the declared source groups', () => {
  it('are the seven countries and the regional bodies, each with its zone', () => {
    expect(sourceGroups.map((group) => [group.id, group.defaults.country, group.defaults.timezone])).toEqual([
      ['kz', 'KZ', 'Asia/Almaty'],
      ['ru', 'RU', 'Europe/Moscow'],
      ['az', 'AZ', 'Asia/Baku'],
      ['tj', 'TJ', 'Asia/Dushanbe'],
      ['tm', 'TM', 'Asia/Ashgabat'],
      ['kg', 'KG', 'Asia/Bishkek'],
      ['uz', 'UZ', 'Asia/Tashkent'],
      ['regional', 'KZ', 'Asia/Almaty'],
    ]);
  });

  it('fill in what their sources leave out, and nothing else', () => {
    for (const group of sourceGroups) {
      expect(group.sources.map((source) => source.id)).toEqual(group.declared.map((source) => source.id));
      group.declared.forEach((declared, index) => {
        const source = group.sources[index];
        expect(source?.timezone, declared.id).toBe(declared.timezone ?? group.defaults.timezone);
        expect(source?.country, declared.id).toBe(declared.country ?? group.defaults.country);
        expect(source?.languages, declared.id).toEqual(declared.languages ?? group.defaults.languages);
      });
    }
  });

  it('resolve a few sources as their sites are: inherited zone, own languages', () => {
    const find = (id: string) => sourceRegistry.find((source) => source.id === id);
    expect(find('tengrinews-kz')).toMatchObject({
      country: 'KZ',
      timezone: 'Asia/Almaty',
      languages: ['rus'],
    });
    expect(find('polisia-kz-kz')).toMatchObject({
      country: 'KZ',
      timezone: 'Asia/Almaty',
      languages: ['kaz'],
    });
    expect(find('mvd-rf-regions')).toMatchObject({ country: 'RU', timezone: 'Europe/Moscow' });
    expect(find('uza-uz')).toMatchObject({ country: 'UZ', timezone: 'Asia/Tashkent', languages: ['uzb'] });
    expect(find('akipress-com')).toMatchObject({
      country: 'KG',
      timezone: 'Asia/Bishkek',
      languages: ['eng'],
    });
    expect(find('caricc-org')).toMatchObject({
      country: 'KZ',
      timezone: 'Asia/Almaty',
      languages: ['rus', 'eng'],
    });
  });

  it('keep a country’s sources in its folder: every source of a country group is of that country', () => {
    for (const group of sourceGroups.filter((group) => group.id !== 'regional')) {
      expect(group.id).toBe(group.defaults.country.toLowerCase());
      for (const source of group.sources) expect(source.country, source.id).toBe(group.defaults.country);
    }
  });

  it('list every declared source file exactly once, in the group of its folder, named by its id', async () => {
    const folders = readdirSync(SOURCES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual(sourceGroups.map((group) => group.id).sort());
    let files = 0;
    for (const group of sourceGroups) {
      for (const file of readdirSync(join(SOURCES_DIR, group.id)).filter((name) => name !== 'index.ts')) {
        files += 1;
        const exported = Object.values(await import(`../../${SOURCES_DIR}/${group.id}/${file}`));
        expect(exported, file).toHaveLength(1);
        const listed = sourceGroups.flatMap((other) =>
          other.declared.filter((source) => source === exported[0]),
        );
        expect(listed, `${group.id}/${file} listed once`).toHaveLength(1);
        expect(group.declared, `${file} in its folder's group`).toContain(exported[0]);
        expect(`${(exported[0] as DeclaredSource).id}.ts`).toBe(file);
      }
    }
    expect(sourceRegistry).toHaveLength(files);
    expect(sourceRegistry).toEqual(sourceGroups.flatMap((group) => group.sources));
  });
});
