import { z } from 'zod';
import { canonicalizeUrl, InvalidUrlError } from './canonical-url.js';

/** Inputs of articles given by hand (`harvest ingest` lines, items pasted in the review workspace). */

/** Postgres text cannot hold NUL: such input is refused rather than failing the whole import. */
export const storableText = z.string().refine((text) => !text.includes('\u0000'), 'contains a NUL character');

/** An http(s) article URL, with its canonical form (the unique key of stored articles). */
export const articleUrl = z
  .string()
  .max(2000, 'at most 2000 characters')
  .transform((url, context) => {
    try {
      return { url, canonical: canonicalizeUrl(url) };
    } catch (error) {
      if (!(error instanceof InvalidUrlError)) throw error;
      context.addIssue({
        code: 'custom',
        message: `${error.reason}: only http(s) article URLs are taken`,
      });
      return z.NEVER;
    }
  });
