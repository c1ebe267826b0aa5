import { openDatabase } from '../app.js';
import { migrate } from '../db/migrate.js';
import { type CliContext, parseVerbArgs } from './cli-support.js';

export async function migrateCommand(args: string[], ctx: CliContext): Promise<number> {
  parseVerbArgs(args, {});
  const db = await openDatabase(ctx.config, ctx.log);
  try {
    const applied = await migrate(db);
    ctx.out(applied.length ? `applied: ${applied.join(', ')}` : 'database schema is up to date');
    return 0;
  } finally {
    await db.close();
  }
}
