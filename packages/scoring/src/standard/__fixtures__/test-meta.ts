/** Test fixture: the rule-set metadata of a test standard, with its own id. */
export function testMeta(id: string) {
  return {
    id,
    version: '1',
    jurisdiction: '*',
    effectiveFrom: '2020-01-01',
    source: 'unit test',
    confidence: 'verified',
  } as const;
}
