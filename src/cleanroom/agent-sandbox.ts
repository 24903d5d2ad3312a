import { chmod, copyFile, mkdir, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ShipbenchError } from '../errors.js';
import { sandboxEnv } from '../sandbox/bwrap-args.js';
import { AllowlistProxy, bridgeScript, type ProxyDecision } from './allowlist-proxy.js';
import { Broker, referenceFiles, type BrokerCall } from './broker.js';
import { hostLayout } from '../sandbox/host.js';
import { giveToSandbox } from '../sandbox/identity.js';
import { nativeProgram } from '../sandbox/native.js';
import type { Program } from '../sandbox/program.js';
import { runSandboxed, type SandboxResult } from '../sandbox/run.js';
import type { Bind, NetworkPolicy, SandboxLimits } from '../sandbox/spec.js';

// Where the agent's folders appear inside its sandbox (and inside the broker's, at the same paths).
export const WORKSPACE_INSIDE = '/workspace';
export const AGENT_HOME_INSIDE = '/home/sandbox';
export const AGENT_TMP_INSIDE = '/tmp';
// The stub folder, first on the agent's PATH, and the broker's socket beside it.
export const AGENT_RUN_INSIDE = '/run/shipbench';

// What the agent may reach over the network: `cleanroom` nothing, `open` what the host reaches,
// `allowlist` only the named host:port pairs, through a proxy outside the sandbox.
export type AgentPolicy = NetworkPolicy | 'allowlist';

// The proxy port inside an `allowlist` sandbox (its own loopback; nothing else listens there).
export const PROXY_PORT_INSIDE = 3128;

export interface AgentSandboxOptions {
  /** An empty host folder for this episode; it holds the workspace, home, tmp and the socket. */
  root: string;
  /** The program name the agent calls the reference by (the stub's name). */
  programName: string;
  /** The reference, run only by the broker; null for a sandbox without one (market episodes). */
  reference: Program | null;
  /** Paths the agent must not reach: the task's hide list, the reference's files, the suite, the store. */
  hide: string[];
  /** Paths the reference's own sandbox must not reach: the suite, the store. */
  brokerHide: string[];
  policy: AgentPolicy;
  /** host:port pairs reachable under the `allowlist` policy. */
  allow?: string[];
  onProxyDecision?: (decision: ProxyDecision) => void;
  /** Limits of one agent command. */
  stepLimits: SandboxLimits;
  /** Limits of one reference call through the broker. */
  brokerLimits: SandboxLimits;
  onBrokerCall?: (call: BrokerCall) => void;
}

export interface StepOptions {
  timeoutMs?: number;
  env?: Record<string, string>;
  stdin?: Uint8Array;
  signal?: AbortSignal;
}

// Tools that read machine code or trace processes: not on the agent's PATH (the reference's bytes
// are out of reach anyway; these would only invite trying).
const INSPECTION_TOOLS = /^(?:[a-z0-9_]+-linux-gnu-)?(gdb|gdbserver|strace|ltrace|objdump|readelf|nm|strings|ndisasm|r2|radare2|rizin|rz-bin|eu-readelf|eu-objdump|perf|valgrind)$/;

// The cleanroom of one episode: a persistent workspace, home and /tmp that every command of the
// agent shares; the host's toolchains read-only; no network; a non-root user; the reference only
// through the broker's stub. Each command runs in a fresh sandbox over those folders, so nothing
// an agent starts outlives the command that started it.
export class AgentSandbox {
  readonly workspace: string;
  private readonly home: string;
  private readonly tmp: string;
  private readonly runDir: string;
  private shadowed: { stubBinds: Bind[]; hide: string[] } | null = null;

  private constructor(
    private readonly options: AgentSandboxOptions,
    private readonly broker: Broker | null,
    private readonly proxy: AllowlistProxy | null,
  ) {
    this.workspace = join(options.root, 'workspace');
    this.home = join(options.root, 'home');
    this.tmp = join(options.root, 'tmp');
    this.runDir = join(options.root, 'run');
  }

  static async create(options: AgentSandboxOptions): Promise<AgentSandbox> {
    const dirs = ['workspace', 'home', 'tmp', 'run', 'run/bin'].map((d) => join(options.root, d));
    await chmod(options.root, 0o755);
    for (const dir of dirs) await mkdir(dir, { recursive: true, mode: 0o755 });
    let broker: Broker | null = null;
    if (options.reference) {
      const stub = nativeProgram('broker-stub');
      if (!stub) throw new ShipbenchError('sandbox.setup', 'the reference stub needs a C compiler (cc) and none works here', { hint: 'install gcc', kind: 'user' });
      await copyFile(stub, join(options.root, 'run/bin', options.programName));
      await chmod(join(options.root, 'run/bin', options.programName), 0o755);
      const mounts = [
        { host: join(options.root, 'workspace'), inside: WORKSPACE_INSIDE },
        { host: join(options.root, 'home'), inside: AGENT_HOME_INSIDE },
        { host: join(options.root, 'tmp'), inside: AGENT_TMP_INSIDE },
      ];
      broker = await Broker.start({
        socketPath: join(options.root, 'run/broker.sock'),
        reference: options.reference,
        mounts,
        hide: options.brokerHide,
        limits: options.brokerLimits,
        onCall: options.onBrokerCall,
      });
    }
    let proxy: AllowlistProxy | null = null;
    if (options.policy === 'allowlist') {
      proxy = await AllowlistProxy.start(join(options.root, 'run/proxy.sock'), options.allow ?? [], options.onProxyDecision);
      await writeFile(join(options.root, 'run/bridge.cjs'), bridgeScript(`${AGENT_RUN_INSIDE}/proxy.sock`, PROXY_PORT_INSIDE), { mode: 0o644 });
    }
    for (const dir of ['workspace', 'home', 'tmp']) await giveToSandbox(join(options.root, dir));
    return new AgentSandbox(options, broker, proxy);
  }

  get brokerCalls(): readonly BrokerCall[] {
    return this.broker?.calls ?? [];
  }

  /** Runs one shell command in the workspace and says how it ended. */
  async exec(command: string, options: StepOptions = {}): Promise<SandboxResult> {
    return this.spawn(['/bin/bash', '-c', command], options);
  }

  /** Runs a program (an agent CLI, say) in the workspace with the episode's folders and policy. */
  async spawn(argv: string[], options: StepOptions = {}): Promise<SandboxResult> {
    const limits = { ...this.options.stepLimits, timeoutMs: options.timeoutMs ?? this.options.stepLimits.timeoutMs };
    const { stubBinds, hide } = this.shadowing();
    const allowlist = this.options.policy === 'allowlist';
    // Under `allowlist` the command starts once the bridge to the proxy listens; the bridge dies
    // with the sandbox.
    const command = allowlist ? ['/bin/bash', '-c', `exec 3< <(exec ${process.execPath} ${AGENT_RUN_INSIDE}/bridge.cjs); read -r _ <&3; exec "$@"`, 'bash', ...argv] : argv;
    const proxyUrl = `http://127.0.0.1:${PROXY_PORT_INSIDE}`;
    const proxyEnv: Record<string, string> = allowlist ? { HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl, http_proxy: proxyUrl, https_proxy: proxyUrl, ALL_PROXY: proxyUrl, NO_PROXY: 'localhost,127.0.0.1', no_proxy: 'localhost,127.0.0.1' } : {};
    return runSandboxed({
      command,
      cwd: this.workspace,
      cwdInside: WORKSPACE_INSIDE,
      binds: [
        { host: this.home, inside: AGENT_HOME_INSIDE, writable: true },
        { host: this.tmp, inside: AGENT_TMP_INSIDE, writable: true },
        { host: this.runDir, inside: AGENT_RUN_INSIDE },
        ...stubBinds,
      ],
      hide,
      env: { PATH: `${AGENT_RUN_INSIDE}/bin:${sandboxEnv({}, WORKSPACE_INSIDE, hostLayout().binPaths).PATH}`, SHELL: '/bin/bash', ...proxyEnv, ...options.env },
      stdin: options.stdin,
      limits,
      network: this.options.policy === 'open' ? 'open' : 'cleanroom',
      signal: options.signal,
    });
  }

  /** Writes the task instruction where agent CLIs read it (INSTRUCTION.md beside the stub folder). */
  async writeInstruction(text: string): Promise<void> {
    await this.writeRunFile('INSTRUCTION.md', text);
  }

  /** Writes a file the agent can read but not change, under AGENT_RUN_INSIDE (a market inbox). */
  async writeRunFile(relative: string, text: string): Promise<string> {
    const path = join(this.runDir, relative);
    await mkdir(dirname(path), { recursive: true, mode: 0o755 });
    await writeFile(path, text, { mode: 0o644 });
    return `${AGENT_RUN_INSIDE}/${relative}`;
  }

  async close(): Promise<void> {
    await this.broker?.close();
    await this.proxy?.close();
  }

  // The stub bound over the reference's own path (so calling it by absolute path reaches the
  // broker too) and every other protected path and inspection tool masked.
  private shadowing(): { stubBinds: Bind[]; hide: string[] } {
    if (this.shadowed) return this.shadowed;
    const stub = join(this.runDir, 'bin', this.options.programName);
    const shadowedPaths = new Set(this.options.reference ? referenceFiles(this.options.reference) : []);
    const stubBinds = [...shadowedPaths].map((path) => ({ host: stub, inside: path }));
    const hide = [...this.options.hide, ...inspectionTools(this.options.programName)].filter((p) => !shadowedPaths.has(existsSync(p) ? realpathSync(p) : p));
    this.shadowed = { stubBinds, hide };
    return this.shadowed;
  }
}

let toolsCache: string[] | undefined;

// The inspection tools installed on this machine, except the task's own program.
function inspectionTools(programName: string): string[] {
  toolsCache ??= ['/usr/bin', '/usr/local/bin', '/bin'].flatMap((dir) => {
    try {
      return readdirSync(dir).filter((name) => INSPECTION_TOOLS.test(name)).map((name) => join(dir, name));
    } catch {
      return [];
    }
  });
  return toolsCache.filter((path) => !path.endsWith(`/${programName}`));
}
