// bc: the preset lives in ./bc/, one file per area of the language.
export { planBc } from './bc/index.js';
