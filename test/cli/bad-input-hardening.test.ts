import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SHIPBENCH_BIN } from '../support/cli.js';
import { tempDir, writeTree } from '../support/fixtures.js';

// Input that once crashed shipbench or was taken at face value (issue: hardening): one line naming
// the file or flag and what to do, exit 2 (75 for a full disk), nothing half-written.
let root: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
});
afterAll(() => cleanup());

function expectOneLine(r: { code: number | null; stderr: string }, code: number, pattern: RegExp): void {
  expect(r.code).toBe(code);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
}

describe('bad input is one line, never a stack trace', () => {
  it('a YAML alias bomb in task.yaml', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    await writeTree(root, { 'bomb/task.yaml': `id: bomb\nreference: {command: [/usr/bin/tac]}\n${levels.join('\n')}\n` });
    expectOneLine(await runCli(['grade', '--reference', '--task', './bomb'], { cwd: root }), 2, /^shipbench: bomb\/task\.yaml: not usable YAML \(.*alias/);
  });

  it('--db naming a file that is not a store, which is left as it was', async () => {
    const file = join(root, 'notes.txt');
    writeFileSync(file, 'my notes, not a database\n'.repeat(100));
    const before = readFileSync(file);
    expectOneLine(await runCli(['runs', 'list', '--db', file], { cwd: root }), 2, /^shipbench: .*notes\.txt is not a shipbench store \(not an SQLite database\); pass --db/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('numbers written other than in digits, and attempts past the cap', async () => {
    expectOneLine(await runCli(['run', '--tasks', 'wc', '--agent', 'null', '-k', '1e3'], { cwd: root }), 2, /^shipbench: --attempts takes a whole number of 1 or more written in digits, not "1e3"/);
    expectOneLine(await runCli(['run', '--tasks', 'wc', '--agent', 'null', '-k', '1000'], { cwd: root }), 2, /^shipbench: --attempts takes at most 100, not 1000/);
    expectOneLine(await runCli(['grade', '--reference', '--task', 'wc', '-j', '0x10'], { cwd: root }), 2, /^shipbench: --concurrency takes a whole number/);
    expect(existsSync(join(root, '.shipbench'))).toBe(false);
  });

  it('a path that is not valid UTF-8 is named as such, not reported missing', () => {
    const dir = Buffer.concat([Buffer.from(`${root}/sub-`), Buffer.from([0xff, 0xfe]), Buffer.from('-mission')]);
    mkdirSync(dir);
    // The shell passes the raw bytes on, as it would for a user who typed the name.
    const r = spawnSync('/bin/bash', ['-c', `exec "$0" "$1" grade "$2"$'\\xff\\xfe'-mission --task wc`, process.execPath, SHIPBENCH_BIN, `${root}/sub-`], { cwd: root, encoding: 'utf8' });
    expectOneLine({ code: r.status, stderr: r.stderr }, 2, /^shipbench: argument ".*mission" is not valid UTF-8, so shipbench cannot name that file; rename it/);
  });
});

describe('a full disk under the store', () => {
  const asRoot = process.geteuid?.() === 0;
  let mount: string;
  beforeAll(() => {
    if (!asRoot) return;
    mount = join(root, 'small');
    mkdirSync(mount);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=300k', 'tmpfs', mount]);
  });
  afterAll(() => {
    if (asRoot) spawnSync('umount', [mount]);
  });

  it.skipIf(!asRoot)('stops the run with one line and exit 75, no retries, and it resumes once there is room', async () => {
    const db = join(mount, 'store', 'shipbench.db');
    const r = await runCli(['run', '--tasks', 'wc', '--agent', 'oracle', '--name', 'full', '--db', db], { cwd: root });
    expect(r.code).toBe(75);
    expect(r.stderr).toMatch(/^shipbench: a disk is full \(.*\); free space and run the command again \(an interrupted run resumes with: shipbench runs resume <run>\)$/m);
    expect(r.stderr).not.toMatch(/retrying|\n\s+at |internal error/);
    // Room again: the run resumes and finishes.
    execFileSync('mount', ['-o', 'remount,size=64m', mount]);
    const resumed = await runCli(['runs', 'resume', 'full', '--json', '--db', db], { cwd: root });
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ unfinished: 0 });
  }, 120_000);
});
