export { migrate, openDb, storePath, type Db } from './db.js';
export { caseRows, failingCases, featureTallies, findGradeIds, getGrade, gradeHead, listGrades, saveGrade, type CaseRow, type GradeSummary } from './grades.js';
export { appendMarketDays, findMarket, getMarket, listMarkets, saveMarket, updateMarket, type StoredMarket } from './markets.js';
