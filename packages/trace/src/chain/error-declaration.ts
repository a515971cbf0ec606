/**
 * EPCIS 2.0 error declarations (§7.4.1.4): an event that carries `errorDeclaration` is a copy of
 * an earlier event (same eventID, same content) declaring it erroneous. Neither counts in the
 * chain: the declared event is withdrawn, and the corrective events (`correctiveEventIDs`) are
 * ordinary events that count in its stead. Internal to the package.
 */

import { canonicalEventJson } from './content-hash.js';
import { eventIdKey } from './event-id-column.js';

/** Whether an event declares an earlier event erroneous (it has an `errorDeclaration` object). */
export function isErrorDeclaration(event: unknown): boolean {
  if (typeof event !== 'object' || event === null) return false;
  const declaration = (event as Record<string, unknown>).errorDeclaration;
  return typeof declaration === 'object' && declaration !== null && !Array.isArray(declaration);
}

/**
 * The positions of a list to leave out of the chain: every error declaration, and every event it
 * declares erroneous — the events with the declaration's eventID (a `urn:uuid:` eventID in any
 * letter case: see {@link eventIdKey}) or, for a declaration without an eventID, with its content
 * (eventID, recordTime and errorDeclaration aside). Never throws.
 */
export function declaredErroneous(
  events: readonly unknown[],
  length: number = events.length,
): Set<number> {
  const out = new Set<number>();
  const ids = new Set<string>();
  const contents = new Set<string>();
  for (let i = 0; i < length; i += 1) {
    // an entry that throws when read (a getter, a Proxy trap) declares nothing: the chain
    // reports it when it reads it
    try {
      const event = events[i];
      if (!isErrorDeclaration(event)) continue;
      const id = (event as Record<string, unknown>).eventID;
      if (typeof id === 'string' && id !== '') ids.add(eventIdKey(id));
      else {
        const content = canonicalEventJson(event);
        if (content !== undefined) contents.add(content);
      }
      out.add(i);
    } catch {}
  }
  if (out.size === 0) return out;
  for (let i = 0; i < length; i += 1) {
    if (out.has(i)) continue;
    try {
      const event = events[i];
      if (typeof event !== 'object' || event === null) continue;
      const id = (event as Record<string, unknown>).eventID;
      if (typeof id === 'string' && ids.has(eventIdKey(id))) out.add(i);
      else if (contents.size > 0) {
        const content = canonicalEventJson(event);
        if (content !== undefined && contents.has(content)) out.add(i);
      }
    } catch {}
  }
  return out;
}
