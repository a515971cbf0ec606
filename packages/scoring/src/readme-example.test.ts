/**
 * The `ts` code blocks of this package's README.md, run as written (imports served by the
 * packages' source), so the README cannot drift from the API: every `console.log(…)` must print
 * what the comment after it says (convention in core's test-support/readme-examples.ts).
 */
import * as core from '@foodsafety/core';
import { describeReadmeExamples } from '../../core/src/test-support/readme-examples.js';
import * as scoringCn from './cn/index.js';
import * as scoring from './index.js';

describeReadmeExamples(new URL('../README.md', import.meta.url), {
  '@foodsafety/core': core,
  '@foodsafety/scoring': scoring,
  '@foodsafety/scoring/cn': scoringCn,
});
