import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from '../../src/db/database.js';
import { listMigrationFiles, migrate } from '../../src/db/migrate.js';
import { storyFacts } from '../../src/domain/stories.js';
import { datedFactKeys, numericFactKeys } from '../../src/domain/story-keys.js';

const migrationsDir = join(import.meta.dirname, '../../src/db/migrations');
const workDir = mkdtempSync(join(tmpdir(), 'harvest-migration-'));
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
  await migrate(db, migrationsBefore('009_story_fact_days.sql'));
});

afterAll(async () => {
  await db?.close();
  rmSync(workDir, { recursive: true, force: true });
});

async function storeStoryMember(url: string, text: string, publishedAt: string | null): Promise<number> {
  const facts = storyFacts('', text);
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO articles (source_id, url, canonical_url, body, published_at, status)
     VALUES ('old', $1, $1, $2, $3, 'new') RETURNING id`,
    [url, text, publishedAt],
  );
  const id = rows[0]!.id;
  const story = await db.query<{ id: number }>(
    'INSERT INTO stories (primary_article_id) VALUES ($1) RETURNING id',
    [id],
  );
  const keys = [...numericFactKeys(facts), 'p:smkn'];
  await db.query('UPDATE articles SET story_id = $2, story_facts = $3 WHERE id = $1', [
    id,
    story.rows[0]!.id,
    keys,
  ]);
  return id;
}

describe('migration 009 (story facts by day)', () => {
  it('gives the story members stored before it the keys new members get', async () => {
    const text = 'В Шымкенте 18 сентября изъяли 3,5 кг героина, дело по статье 297, задержаны 2 человека.';
    const dated = await storeStoryMember('https://old.example/1', text, '2025-09-18T23:30:00Z');
    const undated = await storeStoryMember('https://old.example/2', text, null);

    await migrate(db, migrationsDir);

    const { rows } = await db.query<{ id: number; story_fact_days: string[] }>(
      'SELECT id, story_fact_days FROM articles ORDER BY id',
    );
    const numeric = numericFactKeys(storyFacts('', text));
    expect(numeric.length).toBeGreaterThan(2);
    expect(rows).toEqual([
      { id: dated, story_fact_days: datedFactKeys(numeric, new Date('2025-09-18T23:30:00Z')) },
      { id: undated, story_fact_days: datedFactKeys(numeric, null) },
    ]);
  });
});
