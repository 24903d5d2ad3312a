// The architecture of src/: which folders each folder may import (DESIGN.md "Layers").
// grade/ also uses sandbox/ and util/ (a build is a sandboxed process), and tasks/ uses sandbox/
// for the Program shape; both are recorded here so the check stays the single source. agent/
// imports cleanroom/ for the agent sandbox, its stub and broker (and sandbox/ for ownership). market/ draws its workloads with
// fuzz/'s planners, names config errors with errors.ts and takes sandbox/'s Program shape.
export const layers = {
  contracts: [],
  'errors.ts': [],
  util: [],
  sandbox: ['contracts', 'errors.ts', 'util'],
  cleanroom: ['sandbox', 'contracts', 'errors.ts', 'util'],
  runner: ['sandbox', 'contracts', 'errors.ts', 'util'],
  tasks: ['contracts', 'errors.ts', 'util', 'sandbox'],
  coverage: ['runner', 'tasks', 'contracts', 'util', 'sandbox', 'errors.ts'],
  fuzz: ['runner', 'tasks', 'contracts', 'util', 'sandbox', 'errors.ts', 'coverage'],
  grade: ['runner', 'tasks', 'contracts', 'errors.ts', 'sandbox', 'util'],
  agent: ['cleanroom', 'sandbox', 'contracts', 'errors.ts', 'util'],
  market: ['runner', 'grade', 'tasks', 'fuzz', 'contracts', 'errors.ts', 'util', 'sandbox'],
  store: ['contracts', 'errors.ts'],
  orchestrate: ['contracts', 'errors.ts', 'util', 'sandbox', 'cleanroom', 'coverage', 'runner', 'tasks', 'fuzz', 'grade', 'agent', 'market', 'store', 'report'],
  report: ['contracts', 'util'],
  cli: ['contracts', 'errors.ts', 'util', 'sandbox', 'cleanroom', 'coverage', 'runner', 'tasks', 'fuzz', 'grade', 'agent', 'market', 'store', 'orchestrate', 'report'],
  'index.ts': ['contracts', 'errors.ts', 'util', 'sandbox', 'cleanroom', 'coverage', 'runner', 'tasks', 'fuzz', 'grade', 'agent', 'market', 'store', 'orchestrate', 'report'],
};

// Packages each layer may import besides node: built-ins (contracts: zod only).
export const packages = {
  contracts: ['zod'],
  store: ['better-sqlite3'],
  tasks: ['yaml', 'zod'],
  cli: ['commander', 'zod', 'yaml'],
  agent: ['openai', '@anthropic-ai/sdk', '@pydantic/genai-prices', 'zod'],
  fuzz: ['fast-check'],
};
