import { userInfo } from 'node:os';
import { createAuth, ROLES, type Role } from '../../core/auth/index';
import { UserError } from '../../core/app/errors';
import { openInspectionLog } from '../../core/inspections/index';
import { dataDirFrom, parseCliArgs, requireString } from '../args';
import { writeJsonLine, type CliContext } from '../context';

export const summary = 'local accounts: `users add` (password on stdin), `users list`';

const USAGE = `Usage:
  checkpoint users add --data-dir DIR --username NAME --role ROLE --password-stdin [--site SITE] [--display-name NAME]
  checkpoint users list --data-dir DIR [--json]
Roles: ${ROLES.join(', ')}. The password is read from standard input (never from the command line,
where other users could see it); the person must choose a new one at first sign-in.
`;

/** Who ran the command, for the audit chain (the CLI is used at the workstation's own console). */
export const cliActor = () => {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
};

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  // Only the final line break (from `echo` or a here-string) is not part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCliArgs(args, {
    username: { type: 'string' },
    role: { type: 'string' },
    site: { type: 'string' },
    'display-name': { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
  });
  const sub = positionals[0];
  if (values.help || !sub) {
    ctx.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  if (sub !== 'add' && sub !== 'list') throw new UserError('bad_arguments', `Unknown users subcommand "${sub}". Use add or list.`);
  const log = openInspectionLog(dataDirFrom(values));
  try {
    const auth = createAuth(log);
    if (sub === 'list') {
      const users = auth.listUsers();
      if (values.json) for (const u of users) writeJsonLine(ctx, u);
      else if (users.length === 0) ctx.stdout.write('No accounts yet. Add one with `checkpoint users add`.\n');
      else {
        for (const u of users) {
          const flags = [u.mustChangePassword ? 'must change password' : '', u.lockedUntil ? `locked until ${u.lockedUntil}` : '', u.disabled ? 'disabled' : ''].filter(Boolean).join(', ');
          ctx.stdout.write(`${u.username.padEnd(20)} ${u.role.padEnd(11)} ${(u.site ?? '-').padEnd(10)} ${flags}\n`);
        }
      }
      return 0;
    }
    const username = requireString(values, 'username');
    const role = requireString(values, 'role');
    if (!(ROLES as readonly string[]).includes(role)) throw new UserError('bad_role', `--role must be one of: ${ROLES.join(', ')}.`);
    if (!values['password-stdin']) {
      throw new UserError('bad_arguments', 'Give the password on standard input with --password-stdin (never as an argument).');
    }
    const password = await readStdin(ctx.stdin);
    if (!password) throw new UserError('bad_arguments', 'No password arrived on standard input.');
    const user = await auth.addUser({ username, role: role as Role, password, site: values.site ?? null, displayName: values['display-name'] }, cliActor());
    if (values.json) writeJsonLine(ctx, user);
    else ctx.stdout.write(`Added ${user.username} (${user.role}). They must choose a new password at first sign-in.\n`);
    return 0;
  } finally {
    log.close();
  }
}
