import { userInfo } from 'node:os';
import { text } from 'node:stream/consumers';
import { recordActivity } from '../db/activity-repo.js';
import {
  type AccountActor,
  changeAccount,
  createUser,
  DuplicateUserError,
  listUsers,
  type Role,
  roles,
  UnknownUserError,
  type UserRow,
} from '../db/users-repo.js';
import { type AccountChange, describeAccountChange } from '../domain/accounts.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../review/passwords.js';
import { type CliContext, parseVerbArgs, UsageError, UserFacingError, withApp } from './cli-support.js';

const ACTIONS = ['add', 'list', 'reset-password', 'disable', 'enable', 'role'] as const;

/** Changes made here are audited as `cli:<login name>`: whoever holds the shell, not an account. */
function cliActor(): AccountActor {
  let login = process.env['USER'] ?? process.env['LOGNAME'];
  try {
    login ??= userInfo().username;
  } catch {
    // A container user without a passwd entry.
  }
  return { id: null, name: `cli:${login ?? 'unknown'}` };
}

function stateOf(user: UserRow): string {
  if (!user.disabled) return 'active';
  const since = user.disabled_at ? ` since ${user.disabled_at.toISOString().slice(0, 10)}` : '';
  return `disabled${since}${user.disabled_by ? ` by ${user.disabled_by}` : ''}`;
}

/** One trailing newline is what `echo` or a here-string adds; it is not part of the password. */
async function passwordFromStdin(given: boolean | undefined): Promise<string> {
  if (!given) throw new UsageError('--password-stdin is required (passwords never go on the command line)');
  const password = (await text(process.stdin)).replace(/\r?\n$/, '');
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UserFacingError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  return password;
}

function roleOf(value: string | undefined): Role {
  const role = value as Role | undefined;
  if (!role || !roles.includes(role)) throw new UsageError(`--role must be one of ${roles.join(', ')}`);
  return role;
}

async function accountChange(
  action: (typeof ACTIONS)[number],
  values: { role?: string | undefined; 'password-stdin'?: boolean | undefined },
): Promise<{ change: AccountChange; passwordHash?: string }> {
  if (action === 'disable' || action === 'enable') return { change: { kind: action } };
  if (action === 'role') return { change: { kind: 'role', role: roleOf(values.role) } };
  const password = await passwordFromStdin(values['password-stdin']);
  return { change: { kind: 'password' }, passwordHash: await hashPassword(password) };
}

/**
 * `harvest users add|list|reset-password|disable|enable|role`: accounts of the review workspace. Passwords only
 * ever come from stdin; every change is audited and the last active admin is never disabled or demoted.
 */
export async function usersCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    name: { type: 'string' },
    role: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  });
  const action = positionals[0] as (typeof ACTIONS)[number] | undefined;
  if (!action || !ACTIONS.includes(action)) {
    throw new UsageError(`unknown users action: ${positionals[0] ?? '(none)'}`);
  }
  if (action === 'list') {
    return withApp(ctx, async (app) => {
      for (const user of await listUsers(app.db)) ctx.out(`${user.name}\t${user.role}\t${stateOf(user)}`);
      return 0;
    });
  }
  const name = values.name?.trim();
  if (!name) throw new UsageError('--name is required');
  if (action === 'add') {
    const role = roleOf(values.role);
    const passwordHash = await hashPassword(await passwordFromStdin(values['password-stdin']));
    return withApp(ctx, async (app) => {
      try {
        const user = await createUser(app.db, { name, role, passwordHash });
        await recordActivity(app.db, {
          articleId: null,
          actor: cliActor(),
          action: 'add_user',
          before: null,
          after: { name: user.name, role: user.role },
        });
        ctx.err(`user ${user.name} (${user.role}) added`);
        return 0;
      } catch (error) {
        if (error instanceof DuplicateUserError) throw new UserFacingError(error.message);
        throw error;
      }
    });
  }
  const { change, passwordHash } = await accountChange(action, values);
  return withApp(ctx, async (app) => {
    try {
      const result = await changeAccount(app.db, {
        target: { name },
        change,
        actor: cliActor(),
        ...(passwordHash ? { passwordHash } : {}),
      });
      if (result.verdict.kind === 'refused') throw new UserFacingError(result.verdict.message);
      ctx.err(describeAccountChange({ ...result, change }));
      return 0;
    } catch (error) {
      if (error instanceof UnknownUserError) throw new UserFacingError(error.message);
      throw error;
    }
  });
}
