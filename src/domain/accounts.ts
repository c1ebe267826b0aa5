/** Accounts of the review workspace: roles, what an admin may change, and who sees which actions. */

export const roles = ['analyst', 'operator', 'admin'] as const;
export type Role = (typeof roles)[number];

export type AccountChange =
  | { kind: 'disable' }
  | { kind: 'enable' }
  | { kind: 'role'; role: Role }
  | { kind: 'password' };

export interface AccountState {
  name: string;
  role: Role;
  disabled: boolean;
}

/** What an account change is recorded as in the audit log. */
export const accountChangeAction: Record<AccountChange['kind'], string> = {
  disable: 'disable_user',
  enable: 'enable_user',
  role: 'change_role',
  password: 'reset_password',
};

/**
 * Actions on accounts rather than on items: logins (with the client address), account changes. Only admins
 * see them; every other action (on items, bulletins, sources) is open to analysts and up.
 */
export const ACCOUNT_ACTIONS: readonly string[] = [
  'login',
  'login_failed',
  'logout',
  'add_user',
  ...Object.values(accountChangeAction),
];

export type ChangeVerdict =
  | { kind: 'apply' }
  | { kind: 'unchanged'; message: string }
  | { kind: 'refused'; message: string };

/**
 * Whether `change` may be made to `account` while `activeAdmins` accounts are active admins (the account
 * included, if it is one): the last active admin can be neither disabled nor demoted, or nobody could manage
 * accounts any more.
 */
export function judgeAccountChange(
  account: AccountState,
  change: AccountChange,
  activeAdmins: number,
): ChangeVerdict {
  if (change.kind === 'disable' && account.disabled) {
    return { kind: 'unchanged', message: `${account.name} is already disabled` };
  }
  if (change.kind === 'enable' && !account.disabled) {
    return { kind: 'unchanged', message: `${account.name} is already active` };
  }
  if (change.kind === 'role' && change.role === account.role) {
    return { kind: 'unchanged', message: `${account.name} already has the ${account.role} role` };
  }
  const removesAnAdmin =
    account.role === 'admin' &&
    !account.disabled &&
    (change.kind === 'disable' || (change.kind === 'role' && change.role !== 'admin'));
  if (removesAnAdmin && activeAdmins <= 1) {
    const verb = change.kind === 'disable' ? 'disabled' : 'demoted';
    return {
      kind: 'refused',
      message: `${account.name} is the last active admin and cannot be ${verb}: make another user admin first`,
    };
  }
  return { kind: 'apply' };
}

/** The one line that tells the admin what happened ("olga disabled: 2 session(s) ended"). */
export function describeAccountChange(result: {
  user: { name: string; role: Role };
  change: AccountChange;
  verdict: ChangeVerdict;
  sessionsEnded: number;
}): string {
  if (result.verdict.kind !== 'apply') return result.verdict.message;
  const { name, role } = result.user;
  const ended = result.sessionsEnded > 0 ? `: ${result.sessionsEnded} session(s) ended` : '';
  switch (result.change.kind) {
    case 'disable':
      return `${name} disabled${ended}`;
    case 'enable':
      return `${name} enabled`;
    case 'role':
      return `${name} is now ${role}`;
    case 'password':
      return `password of ${name} reset${ended}`;
  }
}
