/**
 * The `http` and `https` schemes in any case. RFC 3986 (§3.1) makes a URI's scheme
 * case-insensitive, with lower case as its canonical form, so `HTTPS://id.gs1.org/01/…` is the
 * same GS1 Digital Link as `https://id.gs1.org/01/…` and names the same lot. Internal to the
 * package.
 */

/**
 * `uri` with an `http://` or `https://` scheme written in lower case, when it begins with one in
 * any case (the rest unchanged); `undefined` when it does not.
 *
 * @example httpWithLowerCaseScheme('HTTPS://id.gs1.org/01/09506000134352') // 'https://id.gs1.org/01/09506000134352'
 */
export function httpWithLowerCaseScheme(uri: string): string | undefined {
  const c0 = uri.charCodeAt(0);
  if (c0 !== 104 && c0 !== 72) return undefined; // h, H
  if (uri.startsWith('https://') || uri.startsWith('http://')) return uri;
  const head = uri.slice(0, 8).toLowerCase();
  if (head === 'https://') return `https://${uri.slice(8)}`;
  if (head.startsWith('http://')) return `http://${uri.slice(7)}`;
  return undefined;
}
