import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from '../../src/db/database.js';
import { listMigrationFiles, migrate } from '../../src/db/migrate.js';
import { simhashBandKeys } from '../../src/domain/story-keys.js';

const migrationsDir = join(import.meta.dirname, '../../src/db/migrations');
const workDir = mkdtempSync(join(tmpdir(), 'harvest-migration-bands-'));
let db: Database;

/** The migrations before `name`, in a folder of their own: the database as an older release left it. */
function migrationsBefore(name: string): string {
  const dir = join(workDir, 'older-migrations');
  mkdirSync(dir);
  for (const file of listMigrationFiles(migrationsDir).filter((file) => file < name)) {
    copyFileSync(join(migrationsDir, file), join(dir, file));
  }
  return dir;
}

beforeAll(async () => {
  db = await openPglite(join(workDir, 'data'));
  await migrate(db, migrationsBefore('022_dated_simhash_bands.sql'));
});

afterAll(async () => {
  await db?.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** A story member as the release before 022 stored it: undated band keys `i * 256 + v`. */
async function storeOldMember(url: string, simhash: bigint, publishedAt: string | null): Promise<number> {
  const signed = BigInt.asIntN(64, simhash).toString();
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO articles (source_id, url, canonical_url, body, published_at, status, simhash, created_at)
     VALUES ('old', $1, $1, 'text', $2, 'new', $3, '2025-09-01T10:00:00Z') RETURNING id`,
    [url, publishedAt, signed],
  );
  const id = rows[0]!.id;
  const story = await db.query<{ id: number }>(
    'INSERT INTO stories (primary_article_id) VALUES ($1) RETURNING id',
    [id],
  );
  const oldKeys = simhashBandKeys(simhash, new Date(0));
  await db.query('UPDATE articles SET story_id = $2, simhash_bands = $3 WHERE id = $1', [
    id,
    story.rows[0]!.id,
    oldKeys,
  ]);
  return id;
}

describe('migration 022 (dated SimHash band keys)', () => {
  it('gives the story members stored before it the keys new members get, signed fingerprints included', async () => {
    // The high bit set: stored as a negative bigint, the bands must still be the unsigned bytes.
    const high = 0xf00dfacecafebeefn;
    const low = 0x0000000000000101n;
    const dated = await storeOldMember('https://old.example/1', high, '2025-09-18T23:30:00Z');
    const undated = await storeOldMember('https://old.example/2', low, null);

    await migrate(db, migrationsDir);

    const { rows } = await db.query<{ id: number; simhash_bands: number[] }>(
      'SELECT id, simhash_bands FROM articles ORDER BY id',
    );
    expect(rows).toEqual([
      { id: dated, simhash_bands: simhashBandKeys(high, new Date('2025-09-18T23:30:00Z')) },
      // Undated and outside any run: by when it was stored.
      { id: undated, simhash_bands: simhashBandKeys(low, new Date('2025-09-01T10:00:00Z')) },
    ]);
  });

  it('computes in SQL what the application computes, over many fingerprints and days', async () => {
    const samples = Array.from({ length: 200 }, (_, i) => {
      const simhash = BigInt.asUintN(64, BigInt(i + 1) * 0x9e3779b97f4a7c15n);
      const at = new Date(Date.UTC(2024, 0, 1) + i * 5.3 * 86_400_000);
      return { simhash, at };
    });
    const { rows } = await db.query<{ keys: number[] }>(
      `SELECT harvest_simhash_band_keys(s, t) AS keys
       FROM unnest($1::bigint[], $2::timestamptz[]) WITH ORDINALITY AS x (s, t, n) ORDER BY n`,
      [
        samples.map((sample) => BigInt.asIntN(64, sample.simhash).toString()),
        samples.map((sample) => sample.at.toISOString()),
      ],
    );
    expect(rows.map((row) => row.keys)).toEqual(
      samples.map((sample) => simhashBandKeys(sample.simhash, sample.at)),
    );
  });
});

describe('migration 023 (story_band_keys, the near-duplicate index)', () => {
  const keysOf = async (id: number) =>
    (
      await db.query<{ band_key: number; simhash: string }>(
        'SELECT band_key, simhash::text AS simhash FROM story_band_keys WHERE article_id = $1 ORDER BY band_key',
        [id],
      )
    ).rows;
  const expected = (simhash: bigint, at: Date) =>
    [...simhashBandKeys(simhash, at)]
      .sort((a, b) => a - b)
      .map((band_key) => ({ band_key, simhash: BigInt.asIntN(64, simhash).toString() }));

  it('holds the band keys of the members stored before it, each with its fingerprint', async () => {
    const { rows } = await db.query<{ id: number; simhash: string; published_at: Date | null }>(
      "SELECT id, simhash::text AS simhash, published_at FROM articles WHERE source_id = 'old' ORDER BY id",
    );
    expect(rows.length).toBe(2);
    const [dated, undated] = rows as [(typeof rows)[0], (typeof rows)[0]];
    expect(await keysOf(dated.id)).toEqual(
      expected(BigInt.asUintN(64, BigInt(dated.simhash)), new Date('2025-09-18T23:30:00Z')),
    );
    expect(await keysOf(undated.id)).toEqual(
      expected(BigInt.asUintN(64, BigInt(undated.simhash)), new Date('2025-09-01T10:00:00Z')),
    );
  });

  it('follows articles.simhash_bands as it is written, changed, cleared and deleted', async () => {
    const simhash = 0x1234_5678_9abc_def0n;
    const at = new Date('2026-11-20T08:00:00Z');
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO articles (source_id, url, canonical_url, body, status, simhash, simhash_bands)
       VALUES ('new', 'https://new.example/1', 'https://new.example/1', 'text', 'new', $1, $2) RETURNING id`,
      [BigInt.asIntN(64, simhash).toString(), simhashBandKeys(simhash, at)],
    );
    const id = rows[0]!.id;
    expect(await keysOf(id)).toEqual(expected(simhash, at));

    const later = new Date('2026-12-01T08:00:00Z');
    await db.query('UPDATE articles SET simhash_bands = $2 WHERE id = $1', [
      id,
      simhashBandKeys(simhash, later),
    ]);
    expect(await keysOf(id)).toEqual(expected(simhash, later));

    // Other columns written alongside leave the keys alone.
    await db.query("UPDATE articles SET title = 'edited', simhash_bands = simhash_bands WHERE id = $1", [id]);
    expect(await keysOf(id)).toEqual(expected(simhash, later));

    await db.query('UPDATE articles SET simhash_bands = NULL WHERE id = $1', [id]);
    expect(await keysOf(id)).toEqual([]);

    await db.query('UPDATE articles SET simhash_bands = $2 WHERE id = $1', [
      id,
      simhashBandKeys(simhash, at),
    ]);
    await db.query('DELETE FROM articles WHERE id = $1', [id]);
    expect(await keysOf(id)).toEqual([]);
  });
});
