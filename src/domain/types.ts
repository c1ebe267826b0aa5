import { z } from 'zod';

/** ISO 639-3 codes of the region's languages plus English; `und` when no language can be told. */
export const languageCodes = ['rus', 'kaz', 'kir', 'uzb', 'tgk', 'tuk', 'aze', 'eng'] as const;
export const languageSchema = z.enum(languageCodes);
export type Language = z.infer<typeof languageSchema>;
export type DetectedLanguage = Language | 'und';

export type Script = 'Cyrl' | 'Latn' | 'Arab' | 'Zyyy';

/** ISO 3166-1 alpha-2 codes of CARICC's member states, in the bulletin's house order. */
export const countryCodes = ['AZ', 'KZ', 'KG', 'RU', 'TJ', 'TM', 'UZ'] as const;
export const countrySchema = z.enum(countryCodes);
export type Country = z.infer<typeof countrySchema>;
/** `other`: an event outside the member states, kept for the analyst to decide. */
export type EventCountry = Country | 'other';

export interface TextForAnalysis {
  title?: string | undefined;
  text: string;
}

export interface LanguageResult {
  lang: DetectedLanguage;
  script: Script;
  /** 0..1, how sure the detector is; used to decide whether a declared source language may override it. */
  confidence: number;
}

export interface MatchedTerm {
  term: string;
  lang: Language | 'any';
  weight: number;
  /** Where it was found: title hits weigh more than body hits. */
  field: 'title' | 'text';
  count: number;
}

export interface RelevanceResult {
  relevant: boolean;
  score: number;
  matched: MatchedTerm[];
}

export type FilterReason =
  | 'not_relevant'
  | 'wrong_language'
  | 'too_old'
  | 'duplicate'
  | 'extraction_failed'
  | 'not_html';
