import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph } from '../support/import-graph.js';

/** Modules of src/ whose code reads Redis's address (`config.redisUrl`): reading it is choosing the transport. */
function modulesNaming(pattern: RegExp): string[] {
  return (readdirSync('src', { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts'))
    .filter((file) => pattern.test(readFileSync(join('src', file), 'utf8')))
    .map((file) => file.split('\\').join('/'))
    .sort();
}

describe('one transport, chosen once', () => {
  it('only the configuration, the choice and the queue settings read the Redis address', () => {
    expect(modulesNaming(/\bredisUrl\b|env\.REDIS_URL/)).toEqual([
      'config/env.ts',
      'transport/choose-transport.ts',
      'workers/bullmq-transport.ts',
    ]);
  });

  it('the CLI verbs open no queue of their own: they ask the app’s transport', () => {
    const graph = importGraph('src');
    const verbsOpeningQueues = [...graph]
      .filter(([from]) => from.startsWith('cli/'))
      .filter(
        ([, targets]) =>
          targets.includes('workers/harvest-run.ts') || targets.includes('transport/run-now.ts'),
      )
      .map(([from]) => from);
    expect(verbsOpeningQueues).toEqual([]);
    const sources = ['run', 'ingest', 'recover', 'schedule', 'serve', 'worker'].map((verb) =>
      readFileSync(`src/cli/${verb}.ts`, 'utf8'),
    );
    for (const source of sources) expect(source).not.toMatch(/\bopenQueues\(|\bopenScheduleQueue\(\{/);
  });
});
