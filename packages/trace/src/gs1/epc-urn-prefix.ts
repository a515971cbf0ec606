/**
 * The `urn:epc:` prefix in any case. RFC 8141 (§3.1, URN-equivalence) compares the `urn` scheme
 * and the namespace identifier (`epc`) without regard to case, so `URN:EPC:id:sgtin:…` is the
 * same URN as `urn:epc:id:sgtin:…`. The namespace-specific string after it (`id:sgtin:…`) is
 * compared as written: the EPC Tag Data Standard defines its parts in lower case, and RFC 8141
 * leaves the NSS case-sensitive unless the namespace says otherwise. Internal to the package.
 */

const PREFIX = 'urn:epc:';

/**
 * `uri` with its `urn:epc:` prefix written in lower case, when it begins with that prefix in
 * any case (the rest unchanged); `undefined` when it does not.
 *
 * @example epcUrnWithLowerCasePrefix('URN:EPC:id:sscc:4012345.0000000111') // 'urn:epc:id:sscc:4012345.0000000111'
 */
export function epcUrnWithLowerCasePrefix(uri: string): string | undefined {
  const c0 = uri.charCodeAt(0);
  if (c0 !== 117 && c0 !== 85) return undefined; // u, U
  if (uri.startsWith(PREFIX)) return uri;
  if (uri.length < PREFIX.length || uri.slice(0, PREFIX.length).toLowerCase() !== PREFIX)
    return undefined;
  return PREFIX + uri.slice(PREFIX.length);
}
