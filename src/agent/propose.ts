import { z } from 'zod';
import { chat, type ModelConfig } from './model.js';

// A case proposed by a model: what to run; the reference decides what is expected.
export const ProposedCaseSchema = z
  .object({
    argv: z.array(z.string()).max(64),
    stdin: z.string().max(100_000).default(''),
    files: z.record(z.string().regex(/^[\w.-][\w./-]*$/).refine((p) => !p.split('/').includes('..')), z.string().max(100_000)).default({}),
    why: z.string().optional(),
  })
  .strict();
export type ProposedCase = z.infer<typeof ProposedCaseSchema>;

export interface Proposals {
  cases: ProposedCase[];
  /** Entries of the answer that were not valid cases. */
  invalid: number;
  inputTokens: number;
  outputTokens: number;
}

// Asks a model, which reads the program's docs, for invocations that exercise behaviour worth
// testing. Only the docs go out: never the reference's bytes or any case of the suite.
export async function proposeCases(model: ModelConfig, program: string, docs: string, count: number, signal?: AbortSignal): Promise<Proposals> {
  const system = [
    `You design behavioural tests for the command-line program "${program}".`,
    'Propose invocations that reach distinct behaviour: each option and combination, edge cases of the input, error paths.',
    `Answer with JSON only: {"cases": [{"argv": ["--flag", "operand"], "stdin": "text", "files": {"name.txt": "content"}, "why": "what it tests"}]} with ${count} cases.`,
    'argv holds the arguments after the program name. Files are created in the working directory before the run.',
  ].join('\n');
  const reply = await chat(model, [
    { role: 'system', content: system },
    { role: 'user', content: `The documentation of ${program}:\n\n${docs.slice(0, 60_000)}` },
  ], { signal });
  const entries = extractCases(reply.text);
  const cases: ProposedCase[] = [];
  let invalid = 0;
  for (const entry of entries) {
    const parsed = ProposedCaseSchema.safeParse(entry);
    if (parsed.success) cases.push(parsed.data);
    else invalid++;
  }
  return { cases, invalid, inputTokens: reply.usage.inputTokens, outputTokens: reply.usage.outputTokens };
}

// The "cases" array of a reply that may wrap its JSON in prose or a fenced block.
function extractCases(text: string): unknown[] {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text)?.[1];
  for (const candidate of [fenced, text, text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)]) {
    if (!candidate) continue;
    try {
      const value = JSON.parse(candidate) as { cases?: unknown };
      if (Array.isArray(value)) return value;
      if (value && Array.isArray(value.cases)) return value.cases;
    } catch {
      // Try the next form.
    }
  }
  return [];
}
