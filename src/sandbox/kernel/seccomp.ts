// The seccomp filter every sandbox runs under, as the classic BPF program bubblewrap loads with
// `--seccomp FD`. Modelled on Docker's default profile, as a deny list: what a program under test,
// a build or an agent never needs and what would let it reach past its sandbox — the kernel
// keyrings (shared across sandboxes of one user), new namespaces and mounts, other processes'
// memory, kernel modules, io_uring (its operations bypass seccomp), clocks, swap, reboot. Denied
// calls fail with EPERM; clone3 answers ENOSYS so that libc falls back to clone, whose flags the
// filter can inspect. Calls of another ABI (i386 through int 0x80, x32) fail with ENOSYS, so the
// syscall numbers below cannot be dodged. Pure.

// Syscalls denied outright, by name.
export const DENIED_SYSCALLS = [
  'acct', 'add_key', 'bpf', 'clock_adjtime', 'clock_settime', 'create_module', 'delete_module', 'fanotify_init',
  'finit_module', 'fsconfig', 'fsmount', 'fsopen', 'fspick', 'get_kernel_syms', 'init_module', 'io_uring_enter',
  'io_uring_register', 'io_uring_setup', 'ioperm', 'iopl', 'kcmp', 'kexec_file_load', 'kexec_load', 'keyctl',
  'lookup_dcookie', 'mount', 'mount_setattr', 'move_mount', 'name_to_handle_at', 'nfsservctl', 'open_by_handle_at',
  'open_tree', 'open_tree_attr', 'perf_event_open', 'pidfd_getfd', 'pivot_root', 'process_madvise', 'process_vm_readv',
  'process_vm_writev', 'ptrace', 'query_module', 'quotactl', 'quotactl_fd', 'reboot', 'request_key', 'setns',
  'settimeofday', 'swapoff', 'swapon', '_sysctl', 'syslog', 'umount2', 'unshare', 'uselib', 'userfaultfd', 'ustat',
  'vhangup',
] as const;

type SyscallName = (typeof DENIED_SYSCALLS)[number] | 'clone' | 'clone3' | 'personality';

interface Abi {
  /** AUDIT_ARCH_* of the ABI the filter admits. */
  audit: number;
  /** Syscall numbers at or above this belong to another ABI on the same architecture (x32). */
  foreignFrom: number | null;
  numbers: Partial<Record<SyscallName, number>>;
}

// Numbers from the kernel's unistd tables (x86_64: asm/unistd_64.h; aarch64: asm-generic/unistd.h).
// Calls an architecture does not have are simply absent.
const ABIS: Record<string, Abi> = {
  x64: {
    audit: 0xc000003e,
    foreignFrom: 0x40000000,
    numbers: {
      acct: 163, add_key: 248, bpf: 321, clock_adjtime: 305, clock_settime: 227, create_module: 174, delete_module: 176,
      fanotify_init: 300, finit_module: 313, fsconfig: 431, fsmount: 432, fsopen: 430, fspick: 433, get_kernel_syms: 177,
      init_module: 175, io_uring_enter: 426, io_uring_register: 427, io_uring_setup: 425, ioperm: 173, iopl: 172,
      kcmp: 312, kexec_file_load: 320, kexec_load: 246, keyctl: 250, lookup_dcookie: 212, mount: 165, mount_setattr: 442,
      move_mount: 429, name_to_handle_at: 303, nfsservctl: 180, open_by_handle_at: 304, open_tree: 428, open_tree_attr: 467,
      perf_event_open: 298, pidfd_getfd: 438, pivot_root: 155, process_madvise: 440, process_vm_readv: 310,
      process_vm_writev: 311, ptrace: 101, query_module: 178, quotactl: 179, quotactl_fd: 443, reboot: 169,
      request_key: 249, setns: 308, settimeofday: 164, swapoff: 168, swapon: 167, _sysctl: 156, syslog: 103, umount2: 166,
      unshare: 272, uselib: 134, userfaultfd: 323, ustat: 136, vhangup: 153, clone: 56, clone3: 435, personality: 135,
    },
  },
  arm64: {
    audit: 0xc00000b7,
    foreignFrom: null,
    numbers: {
      acct: 89, add_key: 217, bpf: 280, clock_adjtime: 266, clock_settime: 112, delete_module: 106, fanotify_init: 262,
      finit_module: 273, fsconfig: 431, fsmount: 432, fsopen: 430, fspick: 433, init_module: 105, io_uring_enter: 426,
      io_uring_register: 427, io_uring_setup: 425, kcmp: 272, kexec_file_load: 294, kexec_load: 104, keyctl: 219,
      lookup_dcookie: 18, mount: 40, mount_setattr: 442, move_mount: 429, name_to_handle_at: 264, nfsservctl: 42,
      open_by_handle_at: 265, open_tree: 428, open_tree_attr: 467, perf_event_open: 241, pidfd_getfd: 438, pivot_root: 41,
      process_madvise: 440, process_vm_readv: 270, process_vm_writev: 271, ptrace: 117, quotactl: 60, quotactl_fd: 443,
      reboot: 142, request_key: 218, setns: 268, settimeofday: 170, swapoff: 225, swapon: 224, syslog: 116, umount2: 39,
      unshare: 97, userfaultfd: 282, vhangup: 58, clone: 220, clone3: 435, personality: 92,
    },
  },
};

// clone() flags that make a namespace (CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET).
const CLONE_NAMESPACE_FLAGS = 0x7e020000;
// personality() values Docker's profile allows: Linux, its 32-bit and uname26 variants, and the query.
const ALLOWED_PERSONALITIES = [0x0, 0x8, 0x20000, 0x20008, 0xffffffff];

const EPERM = 1;
const ENOSYS = 38;
const RET_ALLOW = 0x7fff0000;
const retErrno = (errno: number) => 0x00050000 | errno;

// Classic BPF opcodes used here.
const LD_W_ABS = 0x20;
const JEQ_K = 0x15;
const JGE_K = 0x35;
const JSET_K = 0x45;
const RET_K = 0x06;

// Offsets in struct seccomp_data: nr, arch, then args[0] (its low 32 bits on little-endian).
const OFFSET_NR = 0;
const OFFSET_ARCH = 4;
const OFFSET_ARG0_LOW = 16;

type Label = 'allow' | 'deny' | 'enosys' | 'clone' | 'personality';
type Insn =
  | { op: 'ld'; k: number }
  | { op: 'jump'; code: number; k: number; yes: Label | null; no: Label | null }
  | { op: 'ret'; k: number }
  | { op: 'label'; name: Label };

// The filter program for an architecture of Node's naming (process.arch), as the bytes of its
// struct sock_filter array. Throws for an architecture it has no table for.
export function seccompProgram(arch: string = process.arch): Buffer {
  const abi = ABIS[arch];
  if (!abi) throw new Error(`no seccomp syscall table for ${arch}`);
  const n = abi.numbers;
  const insns: Insn[] = [
    { op: 'ld', k: OFFSET_ARCH },
    { op: 'jump', code: JEQ_K, k: abi.audit, yes: null, no: 'enosys' },
    { op: 'ld', k: OFFSET_NR },
  ];
  if (abi.foreignFrom !== null) insns.push({ op: 'jump', code: JGE_K, k: abi.foreignFrom, yes: 'enosys', no: null });
  for (const name of DENIED_SYSCALLS) {
    const nr = n[name];
    if (nr !== undefined) insns.push({ op: 'jump', code: JEQ_K, k: nr, yes: 'deny', no: null });
  }
  if (n.clone3 !== undefined) insns.push({ op: 'jump', code: JEQ_K, k: n.clone3, yes: 'enosys', no: null });
  if (n.clone !== undefined) insns.push({ op: 'jump', code: JEQ_K, k: n.clone, yes: 'clone', no: null });
  if (n.personality !== undefined) insns.push({ op: 'jump', code: JEQ_K, k: n.personality, yes: 'personality', no: null });
  // Every jump of classic BPF goes forward, so the argument checks and the verdicts come last.
  insns.push(
    { op: 'ret', k: RET_ALLOW },
    { op: 'label', name: 'clone' },
    { op: 'ld', k: OFFSET_ARG0_LOW },
    { op: 'jump', code: JSET_K, k: CLONE_NAMESPACE_FLAGS, yes: 'deny', no: 'allow' },
    { op: 'label', name: 'personality' },
    { op: 'ld', k: OFFSET_ARG0_LOW },
    ...ALLOWED_PERSONALITIES.map((k): Insn => ({ op: 'jump', code: JEQ_K, k, yes: 'allow', no: null })),
    { op: 'ret', k: retErrno(EPERM) },
    { op: 'label', name: 'allow' },
    { op: 'ret', k: RET_ALLOW },
    { op: 'label', name: 'deny' },
    { op: 'ret', k: retErrno(EPERM) },
    { op: 'label', name: 'enosys' },
    { op: 'ret', k: retErrno(ENOSYS) },
  );
  return assemble(insns);
}

// Resolves labels to the relative jump offsets of classic BPF (at most 255 forward) and encodes
// each instruction as struct sock_filter { u16 code; u8 jt; u8 jf; u32 k } in little-endian.
function assemble(insns: readonly Insn[]): Buffer {
  const code = insns.filter((i) => i.op !== 'label');
  const at = new Map<Label, number>();
  let index = 0;
  for (const insn of insns) {
    if (insn.op === 'label') at.set(insn.name, index);
    else index++;
  }
  const out = Buffer.alloc(code.length * 8);
  code.forEach((insn, i) => {
    let opcode: number;
    let jt = 0;
    let jf = 0;
    if (insn.op === 'ld') opcode = LD_W_ABS;
    else if (insn.op === 'ret') opcode = RET_K;
    else if (insn.op === 'jump') {
      opcode = insn.code;
      const offset = (label: Label | null) => {
        if (label === null) return 0;
        const target = at.get(label);
        if (target === undefined || target <= i || target - i - 1 > 255) throw new Error(`seccomp jump to ${label} cannot be encoded`);
        return target - i - 1;
      };
      jt = offset(insn.yes);
      jf = offset(insn.no);
    } else throw new Error('unreachable');
    out.writeUInt16LE(opcode, i * 8);
    out.writeUInt8(jt, i * 8 + 2);
    out.writeUInt8(jf, i * 8 + 3);
    out.writeUInt32LE(insn.k >>> 0, i * 8 + 4);
  });
  return out;
}

let cached: Buffer | null | undefined;

// The filter for this machine, or null on an architecture without a table (sandboxes then run
// without one, and the README says which architectures have one).
export function hostSeccompProgram(): Buffer | null {
  if (cached !== undefined) return cached;
  try {
    cached = seccompProgram();
  } catch {
    cached = null;
  }
  return cached;
}
