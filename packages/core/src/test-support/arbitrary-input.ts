/**
 * Test support (not part of the published API; left out of the package): the arbitrary input the
 * robustness tests of core, model and plugin-sdk feed to parsers and engines — fast-check's
 * `anything` with every exotic option on (null prototypes, Maps, Sets, boxed values, sparse
 * arrays, bigints, dates, objects with their own toString).
 */
import fc from 'fast-check';

/** Any value a caller could hand over from JSON or from other code. */
export const arbitraryInput = fc.anything({
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withBigInt: true,
  withDate: true,
  withObjectString: true,
});
