export { gradeToJunit } from './junit.js';
export { bootstrapMean, leaderboard, passAtK, passHatK, type Interval, type LeaderboardRow, type TrialScore } from './stats.js';
