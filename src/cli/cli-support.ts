import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type App, openApp } from '../app.js';
import { type AppConfig, loadConfig } from '../config/env.js';
import { DEFAULT_FIXTURES_PORT } from '../crawlers/fixture-server.js';
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

export function createCliContext(): CliContext {
  const config = loadConfig();
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

export async function withApp<T>(ctx: CliContext, work: (app: App) => Promise<T>): Promise<T> {
  const app = await openApp(ctx.config, ctx.log);
  try {
    return await work(app);
  } finally {
    await app.close();
  }
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
