import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';
import { userError } from '../errors.js';
import { runningAsRoot } from './identity.js';
import { launcherPrefix } from './kernel/launcher.js';

const INSTALL_HINT = 'install it with: sudo apt-get install -y bubblewrap (Debian/Ubuntu) or sudo dnf install -y bubblewrap (Fedora)';

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(':')) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  for (const dir of ['/usr/bin', '/bin', '/usr/local/bin']) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

let verified: string | undefined;

// The path of a bubblewrap that can start sandboxes here. Installs it with apt-get when it is
// missing and shipbench runs as root on Debian/Ubuntu (saying so on stderr); otherwise a user
// error with the install command. Then starts one empty sandbox to prove namespaces work.
export function requireBubblewrap(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string {
  if (verified) return verified;
  if (process.platform !== 'linux') {
    throw userError('sandbox.platform', `shipbench sandboxes need Linux (this is ${process.platform})`, 'run it on a Linux machine or VM');
  }
  let bwrap = onPath('bwrap');
  if (!bwrap && runningAsRoot() && onPath('apt-get')) {
    log('shipbench: bubblewrap is missing; installing it with apt-get (sandboxes need it)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'bubblewrap'], { stdio: 'ignore', env });
    bwrap = onPath('bwrap');
    if (install.status !== 0 || !bwrap) {
      throw userError('sandbox.install', 'installing bubblewrap with apt-get failed', 'run: apt-get update && apt-get install -y bubblewrap');
    }
    log(`shipbench: installed bubblewrap at ${bwrap}`);
  }
  if (!bwrap) throw userError('sandbox.missing', 'bubblewrap (bwrap) is not installed', INSTALL_HINT);
  const [drop = bwrap, ...dropArgs] = [...launcherPrefix({ cgroup: null }), bwrap];
  const probe = spawnSync(drop, [...dropArgs, '--unshare-all', '--unshare-user', '--ro-bind', '/', '/', '--', '/bin/true'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (probe.status !== 0) {
    const why = (probe.stderr || probe.error?.message || `exit ${probe.status}`).trim().split('\n')[0];
    throw userError(
      'sandbox.unusable',
      `bubblewrap cannot create a sandbox here: ${why}`,
      'allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, or on Ubuntu 24.04+ kernel.apparmor_restrict_unprivileged_userns=0)',
    );
  }
  verified = bwrap;
  return bwrap;
}
