/**
 * Whether `Object.prototype` has no enumerable members. A host application (or a library it
 * loads) can add some, and `for … in` then lists them on every object, though JSON, the schema
 * and `JSON.stringify` know nothing of them: walks of events skip inherited members when this is
 * false. Checked once per event, since it can change at any time. Internal.
 */
export function objectPrototypeIsClean(): boolean {
  for (const _ in Object.prototype) return false;
  return true;
}
