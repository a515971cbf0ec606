import { createDiagnostic, type Diagnostic } from '@foodsafety/core';
import { epcisMessages } from '../epcis/trace-messages.js';
import { type OptionProblem, OptionReader, plainOptions } from '../option-reader.js';
import type { ChainCheckOptions } from './chain-checker.js';

/** The options of a chain function that it can use, and findings about those it cannot. */
export interface ReadChainOptions<T extends ChainCheckOptions> {
  readonly options: T;
  readonly problems: readonly Diagnostic[];
}

/** `TRACE_OPTION_INVALID` findings for option problems (path `['options', name]`). */
export function optionFindings(problems: readonly OptionProblem[]): Diagnostic[] {
  return problems.map((p) =>
    createDiagnostic(
      epcisMessages.TRACE_OPTION_INVALID,
      { ...p },
      { path: p.option === 'options' ? ['options'] : ['options', p.option] },
    ),
  );
}

/**
 * Read the options of `buildLotGraph`, `validateChain` or `createTraceIndex` (`type` names them in
 * findings): what is no object, a function that is none, a tolerance or skew that is negative or
 * not finite is left out (the default is used) and reported (`TRACE_OPTION_INVALID`). Never
 * throws; the options are not mutated.
 */
export function readChainOptions<T extends ChainCheckOptions>(
  type: string,
  given: T | undefined,
): ReadChainOptions<T> {
  const read = new OptionReader(type, given);
  const options: Record<string, unknown> = plainOptions(given);
  const keep = (name: string, value: unknown) => {
    if (value === undefined) delete options[name];
  };
  keep('canonicalId', read.fn('canonicalId'));
  keep('contentHash', read.fn('contentHash'));
  keep('pathPrefix', read.list('pathPrefix'));
  keep('masterData', read.record('masterData'));
  keep('yieldRange', read.record('yieldRange'));
  keep('yieldRanges', read.record('yieldRanges'));
  keep('checks', read.record('checks'));
  keep('severities', read.record('severities'));
  keep('units', read.record('units'));
  keep('massBalance', read.oneOf('massBalance', ['on-add', 'on-finalize']));
  keep('retainEvents', read.boolean('retainEvents'));
  keep('massTolerance', read.number('massTolerance', 0));
  keep('clockSkewMs', read.number('clockSkewMs', 0));
  return { options: options as T, problems: optionFindings(read.problems) };
}
