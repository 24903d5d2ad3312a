// sqlite3: the preset lives in ./sqlite/ (one file per family of cases).
export { planSqlite } from './sqlite/plan.js';
