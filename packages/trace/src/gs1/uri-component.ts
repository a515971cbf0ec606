/** A surrogate without its pair: not text, but a JavaScript string can hold one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `encodeURIComponent` that never throws: a lone surrogate, which makes it throw, is written as
 * U+FFFD (`%EF%BF%BD`), as UTF-8 encoders write it. Internal.
 */
export function encodeUriComponentSafely(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
}
