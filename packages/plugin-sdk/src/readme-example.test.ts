/**
 * The `ts` code blocks of this package's README.md, run as written (imports served by the
 * packages' source), so the README cannot drift from the API: every `console.log(…)` must print
 * what the comment after it says (convention in core's test-support/readme-examples.ts).
 */
import * as core from '@foodsafety/core';
import * as zod from 'zod';
import { describeReadmeExamples } from '../../core/src/test-support/readme-examples.js';
import * as sdk from './index.js';

describeReadmeExamples(new URL('../README.md', import.meta.url), {
  '@foodsafety/core': core,
  '@foodsafety/plugin-sdk': sdk,
  zod,
});
