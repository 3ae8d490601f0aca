import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../cliRun';
import { openInspectionLog } from '../../../electron/core/inspections/index';
import { tempDir } from '../inspections/fixtures';

let t: ReturnType<typeof tempDir>;
afterEach(() => t.cleanup());

const cli = (args: string[], stdinText = '') => runCliCaptured(args, stdinText);

describe('checkpoint users', () => {
  it('adds an account with the password from stdin and lists it', async () => {
    t = tempDir('cp-cli-');
    const add = await cli(['users', 'add', '--data-dir', t.dir, '--username', 'Sam.Sup', '--role', 'supervisor', '--site', 'NORTH', '--password-stdin'], 'a long enough secret\n');
    expect(add).toMatchObject({ code: 0, err: '' });
    expect(add.out).toMatch(/Added sam\.sup \(supervisor\)/);
    const list = await cli(['users', 'list', '--data-dir', t.dir, '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out)).toMatchObject({ username: 'sam.sup', role: 'supervisor', site: 'NORTH', mustChangePassword: true });
    expect(list.out).not.toContain('secret');
    // The trailing newline from `echo` is not part of the password.
    const log = openInspectionLog(t.dir);
    const { createAuth } = await import('../../../electron/core/auth/index');
    expect((await createAuth(log).login('sam.sup', 'a long enough secret')).ok).toBe(true);
    log.close();
  });

  it('refuses a password on the command line, a bad role and an empty stdin, with exit code 2', async () => {
    t = tempDir('cp-cli-');
    const noStdin = await cli(['users', 'add', '--data-dir', t.dir, '--username', 'bob', '--role', 'officer', '--password', 'x']);
    expect(noStdin.code).toBe(2);
    expect(noStdin.err).toMatch(/Unknown option '--password'/);
    const role = await cli(['users', 'add', '--data-dir', t.dir, '--username', 'bob', '--role', 'king', '--password-stdin'], 'whatever-long-pw');
    expect(role).toMatchObject({ code: 2 });
    expect(role.err).toMatch(/--role must be one of: officer, supervisor, technician, admin/);
    const empty = await cli(['users', 'add', '--data-dir', t.dir, '--username', 'bob', '--role', 'officer', '--password-stdin'], '');
    expect(empty.err).toMatch(/No password arrived/);
    expect((await cli(['users', 'list', '--data-dir', t.dir])).out).toMatch(/No accounts yet/);
  });
});
