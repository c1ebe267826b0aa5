import { assignCountry } from './country.js';
import { decideFate, type Fate } from './decide-fate.js';
import type { DrugGlossary } from './drug-glossary.js';
import { contentHash, simhash64 } from './fingerprint.js';
import type { CompiledLexicon } from './keywords.js';
import { detectLanguage } from './language.js';
import { scoreRelevance } from './relevance.js';
import { extractSeizureFacts, hasFacts, type SeizureFacts } from './seizure-facts.js';
import type { Country, EventCountry, Language, LanguageResult, RelevanceResult } from './types.js';

export interface ArticleToAnalyze {
  title: string | null;
  body: string | null;
  publishedAt: Date | null;
}

export interface SourceProfile {
  country: Country | null;
  languages: readonly Language[];
  maxAgeDays: number;
}

export interface ArticleVerdict {
  language: LanguageResult;
  relevance: RelevanceResult;
  country: EventCountry;
  contentHash: string | null;
  simhash: bigint | null;
  fate: Fate;
  /** Seizure facts of a relevant article that states any; null otherwise (nothing to store). */
  facts: SeizureFacts | null;
}

/** Facts are read from relevant articles only: the others are kept out of the queue and are never summed. */
function factsOf(
  title: string,
  body: string,
  language: LanguageResult,
  drugs: DrugGlossary,
): SeizureFacts | null {
  const facts = extractSeizureFacts({ title, text: body, lang: language.lang }, drugs);
  return hasFacts(facts) ? facts : null;
}

/** Every content stage for one article, in order; duplicates are decided later against the store. */
export function analyzeArticle(
  article: ArticleToAnalyze,
  source: SourceProfile,
  lexicon: CompiledLexicon,
  now: Date,
  drugs: DrugGlossary,
): ArticleVerdict {
  const title = article.title ?? '';
  const body = article.body ?? '';
  const language = detectLanguage({ title, text: body }, { declared: source.languages });
  const relevance = scoreRelevance(
    { title, text: body, lang: language.lang, script: language.script },
    lexicon,
  );
  const { country } = assignCountry({ title, text: body, lang: language.lang }, source.country);
  const hasContent = title.trim() !== '' || body.trim() !== '';
  return {
    language,
    relevance,
    country,
    contentHash: hasContent ? contentHash(title, body) : null,
    simhash: hasContent ? simhash64(`${title}\n${body}`) : null,
    facts: relevance.relevant ? factsOf(title, body, language, drugs) : null,
    fate: decideFate({
      title: article.title,
      body: article.body,
      lang: language.lang,
      publishedAt: article.publishedAt,
      relevant: relevance.relevant,
      maxAgeDays: source.maxAgeDays,
      now,
    }),
  };
}
