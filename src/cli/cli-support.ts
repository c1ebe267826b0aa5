import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type App, openApp } from '../app.js';
import { type AppConfig, loadConfig } from '../config/env.js';
import { DEFAULT_FIXTURES_PORT } from '../crawlers/fixture-server.js';
import { thisProcess } from '../db/embedded/process-identity.js';
import { failRunsOf } from '../db/runs-repo.js';
import { createLogger, type Logger } from '../logger.js';

/** A mistake in how the command was called: printed with the verb's usage, exit code 2. */
export class UsageError extends Error {}

/** A problem the user can fix (bad input file, missing service): printed as is, exit code 1. */
export class UserFacingError extends Error {}

export interface CliContext {
  config: AppConfig;
  log: Logger;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Options every verb takes, given before or after the verb. */
export interface GlobalOptions {
  /** `--data-dir DIR`: the embedded database folder, as HARVEST_DATA_DIR would name it. */
  dataDir?: string | undefined;
}

/** Takes `--data-dir DIR` (or `--data-dir=DIR`) out of the arguments, wherever it stands before `--`. */
export function extractGlobalOptions(argv: readonly string[]): { options: GlobalOptions; rest: string[] } {
  const rest: string[] = [];
  const options: GlobalOptions = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--data-dir') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError('--data-dir needs a folder');
      options.dataDir = value;
      i += 1;
    } else if (arg.startsWith('--data-dir=')) {
      options.dataDir = arg.slice('--data-dir='.length);
      if (!options.dataDir) throw new UsageError('--data-dir needs a folder');
    } else rest.push(arg);
  }
  return { options, rest };
}

export function createCliContext(options: GlobalOptions = {}): CliContext {
  const env =
    options.dataDir === undefined ? process.env : { ...process.env, HARVEST_DATA_DIR: options.dataDir };
  const config = loadConfig(env);
  return {
    config,
    log: createLogger(config.logLevel),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
}

export function parseVerbArgs<T extends ParseArgsConfig['options']>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * `${NAME}` placeholders in sources files: environment variables, and the fixture server's default origin so
 * that config/sources.demo.yaml also runs against a separately started `harvest fixtures serve`.
 */
export function sourceFileVariables(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const defined = Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { FIXTURES_ORIGIN: `http://127.0.0.1:${DEFAULT_FIXTURES_PORT}`, ...Object.fromEntries(defined) };
}

/**
 * Opens the database for the verb's work and closes it afterwards. A first Ctrl-C or SIGTERM stops the verb cleanly:
 * the runs this process had not finished are marked failed (what they stored is finished by the data folder's
 * owner), the database is closed — an embedded folder handed over to its other users — and the process exits;
 * a second one quits at once. Verbs that wait for the signal themselves (`serve`, `worker`) say `handlesSignals`.
 */
export async function withApp<T>(
  ctx: CliContext,
  work: (app: App) => Promise<T>,
  options: { handlesSignals?: boolean } = {},
): Promise<T> {
  const app = await openApp(ctx.config, ctx.log);
  const detach = options.handlesSignals ? () => {} : interruptOnSignal(app, ctx);
  try {
    return await work(app);
  } finally {
    detach();
    await app.close();
  }
}

const SIGNAL_EXIT: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143 };

function interruptOnSignal(app: App, ctx: CliContext): () => void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    const code = SIGNAL_EXIT[signal] ?? 1;
    if (stopping) process.exit(code);
    stopping = true;
    ctx.err(
      `\n${signal}: stopping — unfinished runs of this process are marked failed, the database is closed ` +
        `(${signal} again quits at once)`,
    );
    failRunsOf(app.db, thisProcess(), `interrupted by ${signal}`)
      .catch(() => [])
      .then(() => app.close())
      .catch(() => {})
      .finally(() => process.exit(code));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
}

/** Resolves with the first SIGINT or SIGTERM: long-running verbs then shut down in order. */
export function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export interface JsonLine {
  lineNumber: number;
  value?: unknown;
  error?: string;
}

/** Reads JSONL from a file or stdin (`-`), one parsed value or parse error per non-empty line. */
export async function* readJsonLines(path: string): AsyncGenerator<JsonLine> {
  const input = path === '-' ? process.stdin : createReadStream(path, 'utf8');
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    try {
      yield { lineNumber, value: JSON.parse(line) };
    } catch (error) {
      yield { lineNumber, error: `line ${lineNumber}: invalid JSON (${(error as Error).message})` };
    }
  }
}

/**
 * Listens, or says in one line which port is taken and which flag chooses another (instead of a stack trace of
 * EADDRINUSE).
 */
export async function listenOn<T>(port: number, flag: string, listen: () => Promise<T>): Promise<T> {
  try {
    return await listen();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new UserFacingError(
        `port ${port} is already in use (another harvest process?): choose a free one with ${flag} N, or stop that process`,
      );
    }
    if (code === 'EACCES')
      throw new UserFacingError(`port ${port} needs privileges: choose another with ${flag} N`);
    if (code === 'EADDRNOTAVAIL')
      throw new UserFacingError(`cannot listen there: check ${flag.replace('port', 'host')}`);
    throw error;
  }
}
