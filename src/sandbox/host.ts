import { existsSync, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HiddenPath } from './bwrap-args.js';
import type { Bind } from './spec.js';

// The parts of the host file system every sandbox sees, read-only.
export interface HostLayout {
  /** Top-level folders bound read-only (/usr, /etc, …). */
  roBinds: string[];
  /** Top-level symlinks recreated inside (/bin -> usr/bin on merged-/usr systems). */
  symlinks: { path: string; target: string }[];
  /** bin folders of toolchains bound from outside /usr, put first on the sandbox PATH. */
  binPaths: string[];
}

const SYSTEM_TOP = ['/usr', '/etc', '/opt', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];

// Reads the host layout once: which system folders exist and which of them are symlinks,
// plus the prefix of the running Node.js when it lives outside /usr (nvm, volta, …).
export function detectHostLayout(extraReadOnly: readonly string[] = []): HostLayout {
  const roBinds: string[] = [];
  const symlinks: { path: string; target: string }[] = [];
  for (const path of SYSTEM_TOP) {
    if (!existsSync(path)) continue;
    if (lstatSync(path).isSymbolicLink()) symlinks.push({ path, target: readlinkSync(path) });
    else roBinds.push(path);
  }
  const nodePrefix = dirname(dirname(realpathSync(process.execPath)));
  const binPaths: string[] = [];
  for (const path of [nodePrefix, ...extraReadOnly]) {
    if (!existsSync(path)) continue;
    const covered = roBinds.some((top) => path === top || path.startsWith(`${top}/`));
    if (covered) continue;
    roBinds.push(path);
    if (existsSync(`${path}/bin`)) binPaths.push(`${path}/bin`);
  }
  return { roBinds, symlinks, binPaths };
}

let cached: HostLayout | undefined;

// The host layout of this process, with SHIPBENCH_SANDBOX_RO (colon-separated) added.
export function hostLayout(): HostLayout {
  cached ??= detectHostLayout((process.env.SHIPBENCH_SANDBOX_RO ?? '').split(':').filter(Boolean));
  return cached;
}

// Paths to mask that a sandbox could otherwise see: those under one of its read-only binds, by real
// path (a masked symlink would still lead to its target).
export function hiddenPaths(hide: readonly string[], binds: readonly Bind[], layout: HostLayout): HiddenPath[] {
  const visibleRoots = [...layout.roBinds, ...binds.map((b) => b.host)];
  const out: HiddenPath[] = [];
  const seen = new Set<string>();
  for (const given of hide) {
    if (!existsSync(given)) continue;
    const path = realpathSync(given);
    if (seen.has(path)) continue;
    seen.add(path);
    if (!visibleRoots.some((root) => path === root || path.startsWith(`${root}/`))) continue;
    out.push({ path, isDirectory: statSync(path).isDirectory() });
  }
  return out;
}

// Folders of the harness itself that no sandbox may read, wherever they are: the installed package
// (its datasets hold every task's suite and solution), every dataset folder, the store and run
// artifacts. The package is always in; the rest are added by whoever knows them.
const harnessPaths = new Set<string>([fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '')]);

// Folders every sandbox mounts afresh over whatever the host has there.
const PRIVATE_MOUNTS = ['/tmp', '/dev', '/proc', '/home/sandbox', '/run/shipbench'];

let maskedCache: { size: number; layout: HostLayout; roots: string[] } | null = null;

// Adds folders to the harness paths every sandbox masks.
export function protectHarnessPaths(paths: Iterable<string>): void {
  for (const path of paths) if (path) harnessPaths.add(path);
}

// The harness folders a sandbox with this layout could otherwise see (those under its read-only
// system binds), by real path, outermost first. They are masked before a sandbox's own binds, so a
// bind may show one part of them again (a reference program kept in its task folder).
export function maskedHarnessRoots(layout: HostLayout): string[] {
  if (maskedCache && maskedCache.size === harnessPaths.size && maskedCache.layout === layout) return maskedCache.roots;
  const found = new Set<string>();
  for (const given of harnessPaths) {
    let path: string;
    try {
      path = realpathSync(given);
      if (!statSync(path).isDirectory()) continue;
    } catch {
      continue;
    }
    // Below a sandbox's own fresh mounts (/tmp, /dev…) nothing of the host shows anyway.
    if (PRIVATE_MOUNTS.some((mount) => path === mount || path.startsWith(`${mount}/`))) continue;
    if (layout.roBinds.some((root) => path === root || path.startsWith(`${root}/`)) && !layout.roBinds.includes(path)) found.add(path);
  }
  const sorted = [...found].sort((a, b) => a.length - b.length);
  const roots = sorted.filter((path, i) => !sorted.slice(0, i).some((outer) => path.startsWith(`${outer}/`)));
  maskedCache = { size: harnessPaths.size, layout, roots };
  return roots;
}
