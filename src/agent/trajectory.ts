import { appendFileSync, readFileSync } from 'node:fs';
import { TrajectoryEventSchema, type ExitStatus, type TrajectoryEvent } from '../contracts/run.js';
import { userError } from '../errors.js';

type EventBody<T = TrajectoryEvent> = T extends TrajectoryEvent ? Omit<T, 'at'> : never;

// The trajectory of one episode, appended to a JSONL file line by line as it happens, so a
// killed run keeps everything up to the kill.
export class Trajectory {
  readonly events: TrajectoryEvent[] = [];

  constructor(readonly path: string) {}

  append(body: EventBody): TrajectoryEvent {
    const event = { at: new Date().toISOString(), ...body } as TrajectoryEvent;
    this.events.push(event);
    appendFileSync(this.path, `${JSON.stringify(event)}\n`);
    return event;
  }
}

// Reads a trajectory file; each line must be a valid event.
export function readTrajectory(path: string): TrajectoryEvent[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw userError('trajectory.missing', `trajectory ${path} cannot be read`, 'give the path of a trajectory.jsonl written by shipbench');
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw userError('trajectory.invalid', `${path}:${i + 1}: not JSON`, 'give a trajectory.jsonl written by shipbench');
      }
      const parsed = TrajectoryEventSchema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw userError('trajectory.invalid', `${path}:${i + 1}: ${issue?.path.join('.') || 'event'}: ${issue?.message}`, 'give a trajectory.jsonl written by shipbench');
      }
      return parsed.data;
    });
}

const EXIT_STATUS_NAMES: Record<ExitStatus, string> = {
  submitted: 'Submitted',
  'step-limit': 'LimitsExceeded',
  'time-limit': 'LimitsExceeded',
  'cost-limit': 'LimitsExceeded',
  'format-errors': 'FormatError',
  'agent-error': 'AgentError',
  'no-op': 'Submitted',
};

// The trajectory in mini-swe-agent's traj.json layout (trajectory_format "mini-swe-agent-1.1"), so
// its inspector and analysis scripts read shipbench episodes. Broker calls and command results
// travel in each message's `extra`. Pure.
export function toMiniSweTraj(events: readonly TrajectoryEvent[], info: { agent: string; model: string | null; submission: string; version: string }): Record<string, unknown> {
  const messages: Record<string, unknown>[] = [];
  let apiCalls = 0;
  let cost = 0;
  let exitStatus: ExitStatus | null = null;
  for (const event of events) {
    if (event.type === 'message') {
      if (event.role === 'assistant') apiCalls++;
      cost += event.usage?.costUsd ?? 0;
      messages.push({ role: event.role, content: event.content, extra: { timestamp: event.at, ...(event.usage ? { usage: event.usage } : {}) } });
    } else if (event.type === 'command') {
      const last = messages.at(-1);
      const extra = { command: event.command, returncode: event.exitCode, ended_by: event.endedBy, wall_ms: event.wallMs };
      if (last?.role === 'user') last.extra = { ...(last.extra as object), ...extra };
      else messages.push({ role: 'user', content: event.output, extra: { timestamp: event.at, ...extra } });
    } else if (event.type === 'broker') {
      const last = messages.at(-1);
      if (last) {
        const extra = (last.extra ?? {}) as { broker_calls?: unknown[] };
        last.extra = { ...extra, broker_calls: [...(extra.broker_calls ?? []), { argv: event.argv, cwd: event.cwd, status: event.status, wall_ms: event.wallMs }] };
      }
    } else if (event.type === 'end') {
      exitStatus = event.exitStatus;
    }
  }
  return {
    info: {
      exit_status: exitStatus ? EXIT_STATUS_NAMES[exitStatus] : null,
      submission: info.submission,
      model_stats: { instance_cost: cost, api_calls: apiCalls },
      config: { agent_type: `shipbench.${info.agent}`, model: { model_name: info.model } },
      mini_version: `shipbench-${info.version}`,
    },
    messages,
    trajectory_format: 'mini-swe-agent-1.1',
  };
}
