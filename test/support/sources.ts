import { type SourceConfig, sourceSchema } from '../../src/sources/source-schema.js';

/** A source as the crawl tests declare their own: a Tajik outlet writing in Russian, unless `fields` say otherwise. */
export function testSource(id: string, fields: Record<string, unknown>): SourceConfig {
  return sourceSchema.parse({
    id,
    name: id,
    country: 'TJ',
    languages: ['rus'],
    timezone: 'Asia/Dushanbe',
    ...fields,
  });
}
