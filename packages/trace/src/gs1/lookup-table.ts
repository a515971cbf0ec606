/**
 * A frozen lookup table without a prototype, so that keys taken from input (`toString`,
 * `constructor`, `__proto__`) never find inherited members.
 */
export function lookupTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  const table = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(entries)) table[key] = entries[key] as T;
  return Object.freeze(table);
}
