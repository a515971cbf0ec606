/** Whether a value is an object that is not an array (a JSON object, or one built in code). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
