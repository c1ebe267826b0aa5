import { z } from 'zod';
import { loadDrugGlossary } from '../config/drug-glossary.js';
import { loadLexicon } from '../config/keywords.js';
import { assignCountry } from '../domain/country.js';
import { detectLanguage } from '../domain/language.js';
import { scoreRelevance } from '../domain/relevance.js';
import { extractSeizureFacts } from '../domain/seizure-facts.js';
import { countrySchema, languageSchema } from '../domain/types.js';
import { type CliContext, parseVerbArgs, readJsonLines } from './cli-support.js';

const analyzeInputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string().optional(),
  text: z.string(),
  // Optional hints a caller may know, as a crawled source would declare them.
  country: countrySchema.optional(),
  languages: z.array(languageSchema).optional(),
  // Accepted so that ingest-shaped lines can be analysed as they are; analysis is per item, so the date changes
  // nothing here (stories need the store: `harvest ingest`).
  published_at: z
    .string()
    .refine((value) => !Number.isNaN(Date.parse(value)), 'published_at must be a date')
    .optional(),
});

/**
 * Offline, no database: the same language, relevance, country and seizure-fact stages the pipeline runs. Facts
 * are printed for every item (the pipeline stores them for relevant ones only): `seizures` always, `statistics`,
 * `detained`, `place`, `operation` and `article` when the text states them.
 */
export async function analyzeCommand(args: string[], ctx: CliContext): Promise<number> {
  const { positionals } = parseVerbArgs(args, {});
  const lexicon = loadLexicon(ctx.config.keywordsPath);
  const drugs = loadDrugGlossary();
  let failures = 0;
  for await (const line of readJsonLines(positionals[0] ?? '-')) {
    const parsed = line.error ? undefined : analyzeInputSchema.safeParse(line.value);
    if (!parsed?.success) {
      failures += 1;
      const id = (line.value as { id?: unknown } | undefined)?.id ?? null;
      const message =
        line.error ?? `line ${line.lineNumber}: ${parsed?.error.issues[0]?.message ?? 'invalid'}`;
      ctx.out(JSON.stringify({ id, error: message }));
      continue;
    }
    const { id, title, text, country, languages } = parsed.data;
    const language = detectLanguage({ title, text }, { declared: languages });
    const relevance = scoreRelevance({ title, text, lang: language.lang, script: language.script }, lexicon);
    ctx.out(
      JSON.stringify({
        id,
        lang: language.lang,
        script: language.script,
        relevant: relevance.relevant,
        score: relevance.score,
        matched: relevance.matched.map((term) => term.term),
        country: assignCountry({ title, text, lang: language.lang }, country ?? null).country,
        ...extractSeizureFacts({ title, text, lang: language.lang }, drugs),
      }),
    );
  }
  return failures > 0 ? 1 : 0;
}
