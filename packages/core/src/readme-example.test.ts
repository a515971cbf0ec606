/**
 * The `ts` code blocks of this package's README.md, run as written (imports served by the
 * packages' source), so the README cannot drift from the API: every `console.log(…)` must print
 * what the comment after it says (convention in core's test-support/readme-examples.ts).
 */
import * as core from './index.js';
import { describeReadmeExamples } from './test-support/readme-examples.js';

describeReadmeExamples(new URL('../README.md', import.meta.url), { '@foodsafety/core': core }, 4);
