export { recordCases, type PlannedCase, type RecordOptions, type RecordResult } from './record.js';
