import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Who a process is, well enough to tell later whether it still runs: its pid, the host, and the kernel's start
 * time of that pid (so that a pid reused by another program after a crash is not taken for the original).
 */
export interface ProcessIdentity {
  pid: number;
  host: string;
  /** Start time of the process in clock ticks since boot (/proc/PID/stat, field 22); absent off Linux. */
  startTicks?: number | undefined;
  /** What it runs, for people: `harvest serve --port 4880`. */
  command: string;
  /** When it started, ISO 8601. */
  startedAt: string;
}

/** Field 22 of /proc/PID/stat; the command name (field 2) may hold spaces and parentheses, so count from its end. */
export function readStartTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

export function currentProcess(command: string): ProcessIdentity {
  return {
    pid: process.pid,
    host: hostname(),
    startTicks: readStartTicks(process.pid),
    command,
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
  };
}

export type Liveness = 'alive' | 'dead' | 'unknown';

/**
 * Whether the process still runs. `unknown` for another host (a data folder on a shared disk): nobody here can
 * tell, so callers treat it as alive and say so.
 */
export function processLiveness(identity: Pick<ProcessIdentity, 'pid' | 'host' | 'startTicks'>): Liveness {
  if (identity.host !== hostname()) return 'unknown';
  try {
    process.kill(identity.pid, 0);
  } catch (error) {
    // EPERM: the pid exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return 'dead';
  }
  if (identity.startTicks === undefined) return 'alive';
  const ticks = readStartTicks(identity.pid);
  return ticks === undefined || ticks === identity.startTicks ? 'alive' : 'dead';
}

export function sameProcess(a: ProcessIdentity, b: ProcessIdentity): boolean {
  return a.pid === b.pid && a.host === b.host && a.startTicks === b.startTicks;
}

/** `pid 1234 (harvest serve, since 2026-12-04 14:02)` */
export function describeProcess(identity: ProcessIdentity): string {
  const since = identity.startedAt.slice(0, 16).replace('T', ' ');
  const where = identity.host === hostname() ? '' : ` on ${identity.host}`;
  return `pid ${identity.pid}${where} (${identity.command}, since ${since})`;
}

let self: ProcessIdentity | undefined;

/** This process, described by its command line (`harvest run --due`). */
export function thisProcess(): ProcessIdentity {
  if (!self) {
    const [, script = 'node', ...args] = process.argv;
    const name = /harvest(\.js)?$/.test(script) ? 'harvest' : script.split('/').pop()!;
    self = currentProcess([name, ...args].join(' ').slice(0, 200));
  }
  return self;
}
