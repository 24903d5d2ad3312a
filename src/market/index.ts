export { MarketSim, FAILURE_CLASSES, type PoolShape, type ProductOutcomes, type OpenedTicket } from './model.js';
export { preparePool, measureProgram, latencyTiers, tierOf, referenceOutcomes, unavailable, toProductOutcomes, type Workload, type WorkloadPool, type WorkloadOutcome, type ExecOptions } from './workloads.js';
export { marketConfig, configHash, productOutcomes, runStaticMarket, simulateOutcomes, marketResult, groupTickets, integrityOf, type ProductRef } from './market.js';
export { calibrate, degraded, failingShare, LADDER, type Calibration, type Rung } from './calibrate.js';
export { simulateWeek, type Week, type WeekInput } from './week.js';
export { weekInbox, type WeekReport } from './inbox.js';
export { replayWorld, withWorlds, worldSeeds } from './worlds.js';
export { runArena, simulateArena } from './arena.js';
