import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Logs go to stderr so that stdout stays clean for JSONL output and summaries.
 * JSON by default (production, CI), human-readable when a person watches the terminal.
 */
export function createLogger(level: string, pretty = process.stderr.isTTY === true): Logger {
  if (pretty) {
    return pino({
      level,
      transport: {
        target: 'pino-pretty',
        options: { destination: 2, colorize: true, ignore: 'pid,hostname' },
      },
    });
  }
  return pino({ level }, pino.destination(2));
}
