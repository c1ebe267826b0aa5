import { describe, expect, it } from 'vitest';
import { type AccountState, describeAccountChange, judgeAccountChange } from '../../src/domain/accounts.js';

const admin: AccountState = { name: 'aigul', role: 'admin', disabled: false };
const analyst: AccountState = { name: 'bakyt', role: 'analyst', disabled: false };

describe('judgeAccountChange', () => {
  it('never lets the last active admin be disabled or demoted', () => {
    expect(judgeAccountChange(admin, { kind: 'disable' }, 1)).toEqual({
      kind: 'refused',
      message: 'aigul is the last active admin and cannot be disabled: make another user admin first',
    });
    for (const role of ['operator', 'analyst'] as const) {
      expect(judgeAccountChange(admin, { kind: 'role', role }, 1).kind).toBe('refused');
    }
    // Another admin, a new password, or an account that is not an admin: allowed.
    expect(judgeAccountChange(admin, { kind: 'disable' }, 2).kind).toBe('apply');
    expect(judgeAccountChange(admin, { kind: 'password' }, 1).kind).toBe('apply');
    expect(judgeAccountChange(analyst, { kind: 'disable' }, 1).kind).toBe('apply');
    expect(judgeAccountChange(analyst, { kind: 'role', role: 'admin' }, 1).kind).toBe('apply');
    // A disabled admin does not count and may be demoted.
    expect(judgeAccountChange({ ...admin, disabled: true }, { kind: 'role', role: 'analyst' }, 1).kind).toBe(
      'apply',
    );
  });

  it('reports changes that change nothing', () => {
    expect(judgeAccountChange(analyst, { kind: 'enable' }, 1)).toEqual({
      kind: 'unchanged',
      message: 'bakyt is already active',
    });
    expect(judgeAccountChange({ ...analyst, disabled: true }, { kind: 'disable' }, 1).kind).toBe('unchanged');
    expect(judgeAccountChange(analyst, { kind: 'role', role: 'analyst' }, 1).kind).toBe('unchanged');
  });

  it('describes what happened in one line', () => {
    const apply = { kind: 'apply' } as const;
    const user = { name: 'bakyt', role: 'operator' } as const;
    expect(
      describeAccountChange({ user, change: { kind: 'disable' }, verdict: apply, sessionsEnded: 2 }),
    ).toBe('bakyt disabled: 2 session(s) ended');
    expect(
      describeAccountChange({
        user,
        change: { kind: 'role', role: 'operator' },
        verdict: apply,
        sessionsEnded: 0,
      }),
    ).toBe('bakyt is now operator');
    expect(
      describeAccountChange({ user, change: { kind: 'password' }, verdict: apply, sessionsEnded: 0 }),
    ).toBe('password of bakyt reset');
  });
});
