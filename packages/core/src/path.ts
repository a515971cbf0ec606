/** One step into a JSON value: an object key or an array index. */
export type PathSegment = string | number;

/** Where in an input a finding lies, as the keys and indices from the root. */
export type DiagnosticPath = readonly PathSegment[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Render a path as a JSONPath expression: `['events', 3, 'epcList', 0]` → `$.events[3].epcList[0]`.
 * Keys that are not plain identifiers are quoted: `$['ex:temp']`.
 */
export function formatPath(path: DiagnosticPath | undefined): string {
  if (!path || path.length === 0) return '$';
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += `.${segment}`;
    else out += `['${segment.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  }
  return out;
}

/** Join a prefix and a relative path (for diagnostics produced on a sub-value). */
export function joinPath(
  prefix: DiagnosticPath | undefined,
  path: DiagnosticPath | undefined,
): DiagnosticPath {
  return [...(prefix ?? []), ...(path ?? [])];
}
