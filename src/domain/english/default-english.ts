import type { EnglishSource } from './provenance.js';

/** English ready to fill an item's English fields with. */
export interface EnglishCandidate {
  title: string;
  body: string;
  source: EnglishSource;
  /** The English report the text comes from. */
  url?: string | undefined;
}

export interface ReportText {
  title: string | null;
  body: string | null;
  url: string;
}

/**
 * The best English an item has without anybody writing it, in this order: the item itself when it is an English
 * report; the English report of its story (another outlet's or the agency's English edition of the same event);
 * a translation, when the deployment has an engine; a suggestion made from the item's own facts. Undefined when
 * there is none: the item then waits for the analyst.
 */
export function defaultEnglish(
  item: { lang: string | null; title: string | null; body: string | null; url: string },
  others: {
    storyReport?: ReportText | undefined;
    translation?: { title: string; body: string; engine: string } | undefined;
    suggestion?: { title: string; body: string } | undefined;
  } = {},
): EnglishCandidate | undefined {
  if (item.lang === 'eng' && item.title?.trim() && item.body?.trim()) {
    return { title: item.title, body: item.body, source: 'english-report', url: item.url };
  }
  const report = others.storyReport;
  if (report?.title?.trim() && report.body?.trim()) {
    return { title: report.title, body: report.body, source: 'english-report', url: report.url };
  }
  if (others.translation?.title.trim() && others.translation.body.trim()) {
    const { title, body, engine } = others.translation;
    return { title, body, source: `machine:${engine}` };
  }
  if (others.suggestion?.title.trim() && others.suggestion.body.trim()) {
    return { ...others.suggestion, source: 'template' };
  }
  return undefined;
}
