export { gradeToJunit } from './junit.js';
