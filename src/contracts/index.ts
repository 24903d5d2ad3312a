import { z } from 'zod';
import { CaseSchema } from './case.js';
import { GradeResultSchema } from './grade.js';
import { MarketConfigSchema } from './market.js';
import { RunConfigSchema, TrajectoryEventSchema } from './run.js';
import { SuiteManifestSchema } from './suite.js';
import { TaskSpecSchema } from './task.js';

export * from './bytes.js';
export * from './case.js';
export * from './coverage.js';
export * from './generator.js';
export * from './grade.js';
export * from './market.js';
export * from './process.js';
export * from './run.js';
export * from './suite.js';
export * from './task.js';

// The schemas published as JSON Schema files, by file name.
export const publishedSchemas = {
  'task.schema.json': TaskSpecSchema,
  'case.schema.json': CaseSchema,
  'suite-manifest.schema.json': SuiteManifestSchema,
  'grade-result.schema.json': GradeResultSchema,
  'run-config.schema.json': RunConfigSchema,
  'trajectory-event.schema.json': TrajectoryEventSchema,
  'market-config.schema.json': MarketConfigSchema,
} as const;

// JSON Schema documents for every published schema, as the text committed under schemas/.
export function renderJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, schema] of Object.entries(publishedSchemas)) {
    const doc = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    out[file] = JSON.stringify({ $id: `https://shipbench.dev/schemas/${file}`, ...doc }, null, 2) + '\n';
  }
  return out;
}
