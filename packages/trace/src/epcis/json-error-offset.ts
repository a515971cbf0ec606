/**
 * Where JSON text stops being JSON: the {@link JsonSyntaxScanner}'s RFC 8259 scan over the whole
 * text at once. Used only after `JSON.parse` has failed: the engine's messages do not always say
 * where (V8's "Unexpected token 'x', "…" is not valid JSON" has no position, and the wording
 * differs between versions). Iterative, so that deeply nested text cannot overflow the stack.
 * Internal.
 */
import { JsonSyntaxScanner } from './json-syntax-scanner.js';

/**
 * The offset of the first character at which `text` is not JSON (`text.length` when it ends too
 * early), or -1 when it is JSON. A byte order mark is not JSON (callers strip it first).
 */
export function jsonErrorOffset(text: string): number {
  const scanner = new JsonSyntaxScanner(false);
  scanner.feed(text);
  scanner.end();
  return scanner.error?.offset ?? -1;
}
