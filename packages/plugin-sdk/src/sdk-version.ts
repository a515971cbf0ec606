/**
 * The name and version of this package. An engine always knows its own host, so plugins can
 * declare `requires: { '@foodsafety/plugin-sdk': '^0.1' }`. Kept equal to package.json (tested).
 */
export const SDK_HOST = Object.freeze({ name: '@foodsafety/plugin-sdk', version: '0.1.0' });
