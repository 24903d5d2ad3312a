export { migrate, openDb, storePath, type Db } from './db.js';
export { caseRows, findGradeIds, getGrade, listGrades, saveGrade, type GradeSummary } from './grades.js';
