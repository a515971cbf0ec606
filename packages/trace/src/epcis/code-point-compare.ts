/**
 * Code-point order, the order of the strings' UTF-8 bytes (rule 10, as Python's `sorted`): not
 * JavaScript's `<`, which compares UTF-16 code units and so puts a character above U+FFFF (an
 * emoji, a CJK Extension B ideograph: surrogates, D800–DFFF) before one of U+E000–U+FFFF (a
 * full-width `～`, `，`). Internal: the event hash sorts with it.
 */
export function codePointCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
