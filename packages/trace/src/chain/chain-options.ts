import type { Diagnostic } from '@foodsafety/core';
import { OptionReader, optionFindings } from '../option-reader.js';
import type { ChainCheckOptions } from './chain-checker.js';

/** The options of a chain function that it can use, and findings about those it cannot. */
export interface ReadChainOptions<T extends ChainCheckOptions> {
  readonly options: T;
  readonly problems: readonly Diagnostic[];
}

/**
 * Read the options of `buildLotGraph`, `validateChain` or `createTraceIndex` (`type` names them in
 * findings): what is no object, a function that is none, a tolerance or skew that is negative or
 * NaN is left out (the default is used) and reported (`TRACE_OPTION_INVALID`). Never throws; the
 * options are not mutated.
 */
export function readChainOptions<T extends ChainCheckOptions>(
  type: string,
  given: T | undefined,
): ReadChainOptions<T> {
  const read = new OptionReader(type, given);
  read.fn('canonicalId');
  read.fn('contentHash');
  read.list('pathPrefix');
  for (const name of ['masterData', 'yieldRange', 'yieldRanges', 'checks', 'severities', 'units'])
    read.record(name);
  read.oneOf('massBalance', ['on-add', 'on-finalize']);
  read.boolean('retainEvents');
  read.number('massTolerance', 0);
  read.number('clockSkewMs', 0);
  return { options: read.usable<T>() as T, problems: optionFindings(read.problems) };
}
