import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role, SessionUser } from '../db/users-repo.js';

export const SESSION_COOKIE = 'hv_session';
export const LOGIN_CSRF_COOKIE = 'hv_login';
export const SESSION_TTL_SECS = 12 * 60 * 60;

export const newToken = (): string => randomBytes(32).toString('base64url');

/** Sessions are looked up by a hash of their token: the table alone does not let anyone in. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const rank: Record<Role, number> = { analyst: 0, operator: 1, admin: 2 };

/** Operators can do what analysts do, admins what operators do. */
export function hasRole(user: SessionUser, needed: Role): boolean {
  return rank[user.role] >= rank[needed];
}

export interface LoginLimits {
  maxFailures: number;
  windowMs: number;
}

/**
 * Failed logins per client address and account name, in this process: after `maxFailures` within the
 * window further attempts are refused until the oldest failure leaves the window.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: LoginLimits = { maxFailures: 5, windowMs: 15 * 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  private key(ip: string, name: string): string {
    return `${ip}\u0000${name.trim().toLowerCase()}`;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.limits.windowMs;
    const times = (this.failures.get(key) ?? []).filter((time) => time > cutoff);
    if (times.length > 0) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  /** Seconds until another attempt is allowed, 0 when it is allowed now. */
  retryAfterSecs(ip: string, name: string): number {
    const times = this.recent(this.key(ip, name));
    if (times.length < this.limits.maxFailures) return 0;
    return Math.ceil((times[0]! + this.limits.windowMs - this.now()) / 1000);
  }

  recordFailure(ip: string, name: string): void {
    const key = this.key(ip, name);
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  recordSuccess(ip: string, name: string): void {
    this.failures.delete(this.key(ip, name));
  }
}
