import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  type BulletinFormat,
  BulletinSelectionError,
  bulletinFormats,
  exportBulletin,
} from '../bulletin/export.js';
import type { BulletinLang } from '../bulletin/house-format.js';
import { type CliContext, parseVerbArgs, UsageError, UserFacingError, withApp } from './cli-support.js';

function formatOf(format: string | undefined, out: string): BulletinFormat {
  const chosen = format ?? (extname(out).slice(1).toLowerCase().replace('markdown', 'md') || 'md');
  if (!(bulletinFormats as readonly string[]).includes(chosen)) {
    throw new UsageError(`--format must be one of ${bulletinFormats.join(', ')}`);
  }
  return chosen as BulletinFormat;
}

/** `harvest bulletin`: exports a bulletin; editorial warnings go to stderr and do not stop the export. */
export async function bulletinCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseVerbArgs(args, {
    number: { type: 'string' },
    period: { type: 'string' },
    format: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.number === undefined && values.period === undefined)
    throw new UsageError('give --number or --period');
  const number = values.number === undefined ? undefined : Number(values.number);
  if (number !== undefined && (!Number.isInteger(number) || number <= 0)) {
    throw new UsageError('--number must be a positive integer');
  }
  if (values.period !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.period)) {
    throw new UsageError('--period must be YYYY-MM');
  }
  const lang = (values.lang ?? 'en') as BulletinLang;
  if (lang !== 'en' && lang !== 'ru') throw new UsageError('--lang must be en or ru');
  if (!values.out) throw new UsageError('--out FILE is missing (- for stdout)');
  const format = formatOf(values.format, values.out);
  const result = await withApp(ctx, async (app) => {
    try {
      return await exportBulletin(app.db, { number, period: values.period, format, lang });
    } catch (error) {
      if (error instanceof BulletinSelectionError) throw new UserFacingError(error.message);
      throw error;
    }
  });
  for (const warning of result.warnings) ctx.err(`warning [${warning.code}]: ${warning.message}`);
  const { bulletin } = result;
  const summary = `bulletin #${bulletin.number} (${bulletin.period.from}…${bulletin.period.to}): ${bulletin.total} item(s) in ${bulletin.sections.length} countr(ies), ${bulletin.other.length} outside the member states, ${result.warnings.length} warning(s)`;
  if (values.out === '-') {
    process.stdout.write(result.bytes);
    ctx.err(summary);
  } else {
    writeFileSync(values.out, result.bytes);
    ctx.out(`${summary}; wrote ${values.out} (${format}, ${result.bytes.length} bytes)`);
  }
  return 0;
}
