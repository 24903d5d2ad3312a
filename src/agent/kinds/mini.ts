import type { Usage } from '../../contracts/run.js';
import { addUsage, NO_USAGE, stepNumber, type Episode, type EpisodeResult } from '../episode.js';
import { chat, ModelError, type ChatMessage, type ModelConfig } from '../model.js';
import { recordCommand } from '../observation.js';

// The word a command prints to hand in the workspace.
export const SUBMIT_WORD = 'SHIPBENCH_SUBMIT';
// Malformed answers in a row after which the episode ends.
const MAX_FORMAT_ERRORS = 5;

const SYSTEM_PROMPT = `You are a software engineer working alone in a Linux shell. You act by running shell commands.

Every reply has a short THOUGHT about what to do next, then exactly one fenced code block with one bash command (which may be several commands joined with && or a heredoc):

THOUGHT: …
\`\`\`bash
your command here
\`\`\`

Each command runs in a fresh bash in the workspace; files persist between commands, shell state (cd, variables, background jobs) does not. Commands cannot be interactive. Long output is cut, so look at files with head, tail, grep or sed -n.
When the work is done and tested, reply with this command alone:
\`\`\`bash
echo ${SUBMIT_WORD}
\`\`\``;

// One fenced block of bash or sh per reply, as mini-swe-agent reads them.
const BLOCK = /```(?:bash|sh)?[ \t]*\n([\s\S]*?)\n?```/g;

// Parses a reply: the command of its single block, or why it is not acceptable. Pure.
export function parseAction(text: string): { command: string } | { error: string } {
  const blocks = [...text.matchAll(BLOCK)].map((m) => (m[1] ?? '').trim());
  if (blocks.length === 1 && blocks[0]) return { command: blocks[0] };
  const found = blocks.length === 0 ? 'no fenced bash block' : `${blocks.length} fenced blocks`;
  return { error: `Your reply had ${found}. Reply with a THOUGHT and exactly one \`\`\`bash block holding one command. To submit, the command is: echo ${SUBMIT_WORD}` };
}

function isSubmit(command: string): boolean {
  return new RegExp(`^echo\\s+['"]?${SUBMIT_WORD}['"]?$`).test(command.trim());
}

// mini: a bash-only loop over any chat model. Each turn the model answers with one command; the
// harness runs it in the episode's sandbox and answers with its output, until the model submits
// or a budget (steps, time, cost of the trial or of the run) runs out.
export async function runMini(episode: Episode, model: ModelConfig): Promise<EpisodeResult> {
  const { limits, trajectory, sandbox } = episode;
  const started = Date.now();
  const { sprint } = episode;
  const budget = `You have at most ${limits.steps} replies and $${limits.costUsd} of model spend${sprint ? ' in this sprint' : ''}.`;
  let messages: ChatMessage[];
  if (sprint?.carry.messages?.length) {
    // A later sprint of a market episode: the conversation so far, then the week's news.
    messages = appendUser(carryOver(sprint.carry.messages, sprint.carry.sprintStart ?? 2), `${sprint.update}\n\n${budget}`);
    sprint.carry.sprintStart = messages.length - 1;
    trajectory.append({ type: 'message', role: 'user', content: `${sprint.update}\n\n${budget}` });
  } else {
    messages = [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: `${episode.instruction}\n\n${budget}` },
    ];
    for (const m of messages) trajectory.append({ type: 'message', role: m.role, content: m.content });
  }
  if (sprint) sprint.carry.messages = messages;
  let usage: Usage = NO_USAGE;
  let steps = 0;
  let formatErrors = 0;
  const stepTimeoutMs = limits.stepTimeoutSeconds * 1000;
  const end = (exitStatus: EpisodeResult['exitStatus'], message: string): EpisodeResult => ({ exitStatus, steps, usage, message });

  for (;;) {
    if (steps >= limits.steps) return end('step-limit', `stopped after ${steps} replies (the step limit)`);
    if (usage.costUsd >= limits.costUsd) return end('cost-limit', `stopped at $${usage.costUsd.toFixed(4)} (the trial's cost limit)`);
    if (episode.runBudget?.exhausted) return end('cost-limit', `stopped: the run's cost limit of $${episode.runBudget.capUsd} is spent`);
    if (Date.now() - started >= limits.timeMinutes * 60_000) return end('time-limit', `stopped after ${limits.timeMinutes} min (the time limit)`);
    if (episode.signal?.aborted) return end('time-limit', 'stopped: the run was interrupted');

    let reply;
    try {
      reply = await chat(model, messages, { signal: episode.signal });
    } catch (error) {
      if (error instanceof ModelError && error.failure === 'agent') return end('agent-error', error.message);
      throw error;
    }
    steps++;
    usage = addUsage(usage, reply.usage);
    episode.runBudget?.add(reply.usage.costUsd);
    messages.push({ role: 'assistant', content: reply.text });
    trajectory.append({ type: 'message', role: 'assistant', content: reply.text, usage: reply.usage, latencyMs: Math.round(reply.latencyMs) });

    const action = parseAction(reply.text);
    if ('error' in action) {
      if (++formatErrors >= MAX_FORMAT_ERRORS) return end('format-errors', `${formatErrors} malformed replies in a row`);
      messages.push({ role: 'user', content: action.error });
      trajectory.append({ type: 'message', role: 'user', content: action.error });
      continue;
    }
    formatErrors = 0;
    if (isSubmit(action.command)) return end('submitted', `submitted after ${steps} replies`);

    const result = await sandbox.exec(`exec 2>&1\n${action.command}`, { timeoutMs: stepTimeoutMs, signal: episode.signal });
    const { exitCode, text } = recordCommand(trajectory, stepNumber(episode, steps), action.command, result, stepTimeoutMs);
    const observation = `<returncode>${exitCode ?? 'killed'}</returncode>\n<output>\n${text}</output>`;
    messages.push({ role: 'user', content: observation });
    trajectory.append({ type: 'message', role: 'user', content: observation });
  }
}

// The conversation a later sprint of a market episode starts from: the system prompt and the brief,
// then the sprint that just ended (from `lastStart`) with its command outputs shortened. Earlier
// sprints are left out: their work is in the workspace and their news in the inbox files, and the
// context stays bounded however many sprints there are. Pure.
const KEPT_OLD_OUTPUT = 400;
export function carryOver(messages: readonly ChatMessage[], lastStart: number): ChatMessage[] {
  const head = messages.slice(0, 2);
  const last = messages.slice(Math.max(2, lastStart)).map((m) => {
    if (m.role !== 'user' || !m.content.startsWith('<returncode>') || m.content.length <= KEPT_OLD_OUTPUT) return m;
    return { ...m, content: `${m.content.slice(0, KEPT_OLD_OUTPUT)}\n[… output of an earlier sprint left out]` };
  });
  const dropped = Math.max(2, lastStart) - 2;
  let out = head;
  if (dropped > 0) out = appendUser(out, `[${dropped} messages of earlier sprints are left out here: your work is in the workspace, each week's inbox in its file.]`);
  for (const m of last) out = m.role === 'user' ? appendUser(out, m.content) : [...out, m];
  return out;
}

// Adds a user message, merged into the last one when that is a user message too (providers want
// the roles to alternate). Pure.
export function appendUser(messages: readonly ChatMessage[], content: string): ChatMessage[] {
  const last = messages.at(-1);
  if (last?.role === 'user') return [...messages.slice(0, -1), { role: 'user', content: `${last.content}\n\n${content}` }];
  return [...messages, { role: 'user', content }];
}
