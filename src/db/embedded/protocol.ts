import { z } from 'zod';

/**
 * The conversation between the owner of an embedded data folder and the other processes that use it.
 *
 * A client says `hello` with who it is, then sends requests (`query`, `exec`, and `begin`/`commit`/`rollback`
 * of a transaction whose statements carry its `tx`), each with an id that its answer repeats. When the owner is
 * about to close, it says `closing`; the client stops sending anything but the statements of transactions
 * already open, and says `drained` once nothing of it is in flight, after which the owner hangs up. The client
 * then becomes the owner itself or connects to whoever did: the folder changes hands without a failed request.
 */

const processSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  startTicks: z.number().optional(),
  command: z.string(),
  startedAt: z.string(),
});

const requestId = z.number().int().nonnegative();
const txId = z.number().int().positive();

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), client: processSchema }),
  z.object({
    type: z.literal('query'),
    id: requestId,
    sql: z.string(),
    params: z.array(z.unknown()).optional(),
    tx: txId.optional(),
  }),
  z.object({ type: z.literal('exec'), id: requestId, sql: z.string(), tx: txId.optional() }),
  z.object({ type: z.literal('begin'), id: requestId }),
  z.object({ type: z.literal('commit'), id: requestId, tx: txId }),
  z.object({ type: z.literal('rollback'), id: requestId, tx: txId }),
  z.object({ type: z.literal('drained') }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type ClientRequest = Extract<ClientMessage, { id: number }>;

/** What a database error carries that callers look at (`code` above all: 23505 is a unique violation). */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  severity?: string;
}

export type OwnerMessage =
  | { type: 'welcome'; owner: z.infer<typeof processSchema> }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; error: SerializedError }
  | { type: 'closing' };

const ERROR_FIELDS = [
  'code',
  'detail',
  'hint',
  'constraint',
  'table',
  'column',
  'schema',
  'severity',
] as const;

export function serializeError(error: unknown): SerializedError {
  const source = (error ?? {}) as Record<string, unknown>;
  const serialized: SerializedError = {
    name: typeof source.name === 'string' ? source.name : 'Error',
    message: error instanceof Error ? error.message : String(error),
  };
  for (const field of ERROR_FIELDS) {
    if (typeof source[field] === 'string') serialized[field] = source[field];
  }
  return serialized;
}

/** An error of a statement the owner ran for this process: same message and fields as if it had run here. */
export class OwnerStatementError extends Error {
  code?: string;
  detail?: string;
  hint?: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  severity?: string;

  constructor(serialized: SerializedError) {
    super(serialized.message);
    this.name = serialized.name;
    for (const field of ERROR_FIELDS) {
      if (serialized[field] !== undefined) this[field] = serialized[field];
    }
  }
}
