import { text } from 'node:stream/consumers';
import { createUser, DuplicateUserError, listUsers, type Role, roles } from '../db/users-repo.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../review/passwords.js';
import { type CliContext, parseVerbArgs, UsageError, UserFacingError, withApp } from './cli-support.js';

/** `harvest users add|list`: accounts of the review workspace. Passwords only ever come from stdin. */
export async function usersCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    name: { type: 'string' },
    role: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  });
  const action = positionals[0];
  if (action === 'list') {
    return withApp(ctx, async (app) => {
      for (const user of await listUsers(app.db)) {
        ctx.out(`${user.name}\t${user.role}${user.disabled ? '\tdisabled' : ''}`);
      }
      return 0;
    });
  }
  if (action !== 'add') throw new UsageError(`unknown users action: ${action ?? '(none)'}`);
  const name = values.name?.trim();
  if (!name) throw new UsageError('--name is required');
  const role = values.role as Role | undefined;
  if (!role || !roles.includes(role)) throw new UsageError(`--role must be one of ${roles.join(', ')}`);
  if (!values['password-stdin'])
    throw new UsageError('--password-stdin is required (passwords never go on the command line)');
  // One trailing newline is what `echo` or a here-string adds; it is not part of the password.
  const password = (await text(process.stdin)).replace(/\r?\n$/, '');
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UserFacingError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const passwordHash = await hashPassword(password);
  return withApp(ctx, async (app) => {
    try {
      const user = await createUser(app.db, { name, role, passwordHash });
      ctx.err(`user ${user.name} (${user.role}) added`);
      return 0;
    } catch (error) {
      if (error instanceof DuplicateUserError) throw new UserFacingError(error.message);
      throw error;
    }
  });
}
