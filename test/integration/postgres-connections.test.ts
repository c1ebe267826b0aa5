import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/database.js';
import { testDatabaseUrl } from '../support/services.js';

describe('Postgres transactions', () => {
  it('run without JIT, and leave the connection as it was', async () => {
    const db = openPostgres(testDatabaseUrl, 1);
    try {
      const outside = (await db.query<{ jit: string }>('SHOW jit')).rows[0]!.jit;
      const inside = await db.transaction((tx) => tx.query<{ jit: string }>('SHOW jit'));
      expect(inside.rows[0]!.jit).toBe('off');
      expect((await db.query<{ jit: string }>('SHOW jit')).rows[0]!.jit).toBe(outside);
    } finally {
      await db.close();
    }
  });
});
