import { readFileSync } from 'node:fs';
import { importRelease, ReleaseImportError } from '../bulletin/import-release.js';
import { parseRelease } from '../bulletin/parse-release.js';
import { type CliContext, parseVerbArgs, UsageError, UserFacingError, withApp } from './cli-support.js';

function readRelease(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserFacingError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

/** Why a file without a single item is refused: a PDF or other binary file, or text of something else. */
function notARelease(text: string): string {
  const sample = text.slice(0, 4096);
  if (sample.startsWith('%PDF')) {
    return 'this is a PDF, not its text: extract the text first (pdftotext -layout release.pdf release.txt)';
  }
  const unreadable = [...sample].filter((char) => char === '\uFFFD' || char === '\u0000').length;
  if (unreadable > sample.length / 100) return 'not an information release: binary data, not UTF-8 text';
  return 'not an information release: no member-state section with items found';
}

/**
 * `harvest import-bulletin FILE`: stores a past release and its items as published. Exit code 1 when the
 * items found disagree with the release's own count line (the import is stored all the same).
 */
export async function importBulletinCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    number: { type: 'string' },
    json: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('the release file is missing');
  const number = values.number === undefined ? undefined : Number(values.number);
  if (number !== undefined && (!Number.isInteger(number) || number <= 0)) {
    throw new UsageError('--number must be a positive integer');
  }
  const text = readRelease(file);
  const release = parseRelease(text);
  if (release.items.length === 0) throw new UserFacingError(`${file}: ${notARelease(text)}`);
  for (const repair of release.repairs) ctx.err(`repaired: ${repair}`);
  for (const mismatch of release.mismatches) {
    ctx.err(
      `count mismatch for ${mismatch.country}: ${mismatch.counted} item(s) found, the release says ${mismatch.stated}`,
    );
  }
  const releaseNumber = number ?? release.number;
  if (values.json) {
    ctx.out(
      JSON.stringify({
        number: releaseNumber,
        period: release.period,
        items: release.items,
        by_country: release.by_country,
      }),
    );
  }
  if (!values['dry-run']) {
    try {
      const summary = await withApp(ctx, (app) => importRelease(app.db, release, { number }));
      const line = `bulletin #${summary.number}: ${summary.items} item(s) stored; ${summary.createdArticles} article(s) created, ${summary.linkedArticles} linked to stored articles`;
      if (values.json) ctx.err(line);
      else ctx.out(line);
    } catch (error) {
      if (error instanceof ReleaseImportError) throw new UserFacingError(error.message);
      throw error;
    }
  }
  if (!values.json) {
    const counts = Object.entries(release.by_country)
      .map(([country, count]) => `${country} ${count}`)
      .join(', ');
    ctx.out(`${release.items.length} item(s): ${counts}`);
  }
  return release.mismatches.length > 0 ? 1 : 0;
}
