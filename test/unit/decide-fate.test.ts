import { describe, expect, it } from 'vitest';
import { decideFate, type FateInput } from '../../src/domain/decide-fate.js';

const now = new Date('2025-09-30T12:00:00Z');
const good: FateInput = {
  title: 'Полиция изъяла 2 кг героина',
  body: 'Сотрудники полиции Алматы изъяли два килограмма героина у жителя города.',
  lang: 'rus',
  publishedAt: new Date('2025-09-29T08:00:00Z'),
  relevant: true,
  maxAgeDays: 45,
  now,
};

describe('decideFate', () => {
  it('keeps a relevant, recent, complete article as a new draft', () => {
    expect(decideFate(good)).toEqual({ status: 'new', reason: null });
  });

  it('files pages without a title or with a stub body as extraction failures', () => {
    expect(decideFate({ ...good, title: '  ' })).toEqual({ status: 'filtered', reason: 'extraction_failed' });
    expect(decideFate({ ...good, body: 'Читать далее' })).toEqual({
      status: 'filtered',
      reason: 'extraction_failed',
    });
  });

  it('files a URL that answered with no page of text as not_html, before anything else', () => {
    expect(decideFate({ ...good, notHtml: true, title: null, body: null })).toEqual({
      status: 'filtered',
      reason: 'not_html',
    });
  });

  it('files text in no language of the region as wrong language', () => {
    expect(decideFate({ ...good, lang: 'und' })).toEqual({ status: 'filtered', reason: 'wrong_language' });
  });

  it('files articles older than the source window as too old, but keeps undated ones', () => {
    const old = new Date(now.getTime() - 46 * 86_400_000);
    expect(decideFate({ ...good, publishedAt: old })).toEqual({ status: 'filtered', reason: 'too_old' });
    expect(decideFate({ ...good, publishedAt: null })).toEqual({ status: 'new', reason: null });
  });

  it('files irrelevant articles as not relevant', () => {
    expect(decideFate({ ...good, relevant: false })).toEqual({ status: 'filtered', reason: 'not_relevant' });
  });

  it('reports the most basic failure first', () => {
    expect(decideFate({ ...good, title: null, lang: 'und', relevant: false })).toEqual({
      status: 'filtered',
      reason: 'extraction_failed',
    });
  });
});
