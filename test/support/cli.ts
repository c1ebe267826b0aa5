import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');
const harvestBin = join(repoRoot, 'bin', 'harvest.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment of a child process: the caller's, minus anything that would pick a mode by accident. */
export function cliEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'HARVEST_DATA_DIR', 'HARVEST_QUEUE_PREFIX'])
    delete base[key];
  return { ...base, LOG_LEVEL: 'warn', ...env };
}

export function startCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  options: { cwd?: string } = {},
): ChildProcess {
  return spawn(process.execPath, [harvestBin, ...args], { cwd: options.cwd ?? repoRoot, env: cliEnv(env) });
}

/** Runs `harvest ARGS` as a user would, from the repository root. */
export function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  input?: string,
  options: { cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, env, options);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin?.end(input ?? '');
  });
}
