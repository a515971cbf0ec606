import { describe, expect, it } from 'vitest';
import { guideBlocks, guideLinesMissingFromTest } from './guide-check.js';

const FENCE = '```';

describe('guideBlocks', () => {
  it('reads TypeScript and JavaScript fences of backticks or tildes, indented or not, any case', () => {
    const guide = [
      '# Guide',
      '## One',
      `${FENCE}ts`,
      'a();',
      FENCE,
      `   ${FENCE}TypeScript title="x"`,
      '   b();',
      `   ${FENCE}`,
      '## Two',
      '~~~tsx',
      'c();',
      '~~~',
      `${FENCE}sh`,
      'npm test',
      FENCE,
      `${FENCE}${FENCE.slice(0, 1)}js`,
      `${FENCE} // three backticks inside four do not close it`,
      '````',
    ].join('\n');
    expect(guideBlocks(guide)).toEqual([
      { section: 'One', code: 'a();' },
      { section: 'One (2)', code: 'b();' },
      { section: 'Two', code: 'c();' },
      { section: 'Two (2)', code: `${FENCE} // three backticks inside four do not close it` },
    ]);
  });

  it('ignores headings inside blocks and throws on a fence left open', () => {
    expect(guideBlocks(`## A\n${FENCE}ts\n## not a heading\n${FENCE}`)).toEqual([
      { section: 'A', code: '## not a heading' },
    ]);
    expect(() => guideBlocks(`## A\n${FENCE}ts\nx();`)).toThrow(/not closed/);
  });
});

describe('guideLinesMissingFromTest', () => {
  const check = (guide: string, testSource: string, sections: string[], section: string) =>
    guideLinesMissingFromTest(
      { guide, testSource, sections, modules: { m: { a: 1, b: 2 } } },
      section,
    );

  it('finds every line of the block in the test, in order, and every import in its module', () => {
    const guide = `## Don't panic\n${FENCE}ts\nimport {\n  a,\n  b,\n} from "m";\nconst x = a + b; // sum\nf(x);\n${FENCE}`;
    const test = `it("Don't panic", () => {\n  const x = a +\n    b;\n  f(x);\n});`;
    expect(check(guide, test, ["Don't panic"], "Don't panic")).toEqual([]);
    const escaped = `it('Don\\'t panic', () => { const x = a + b; f(x); });`;
    expect(check(guide, escaped, ["Don't panic"], "Don't panic")).toEqual([]);
  });

  it('reports lines missing, out of order, or present only in a comment of the test', () => {
    const guide = `## S\n${FENCE}ts\nconst x = 1;\nf(x);\n${FENCE}`;
    expect(check(guide, `it('S', () => { f(x); const x = 1; });`, ['S'], 'S')).toEqual(['f(x);']);
    expect(check(guide, `it('S', () => { /* const x = 1; */ f(x); });`, ['S'], 'S')).toEqual([
      'const x = 1;',
    ]);
    expect(check(guide, `it('S', () => { // const x = 1;\n f(x); });`, ['S'], 'S')).toEqual([
      'const x = 1;',
    ]);
  });

  it('reports names a module does not export and imports never closed', () => {
    const guide = `## S\n${FENCE}ts\nimport { a, c } from 'm';\nimport { d } from 'n';\n${FENCE}`;
    expect(check(guide, `it('S', () => {});`, ['S'], 'S')).toEqual(['c from m', 'd from n']);
    const open = `## S\n${FENCE}ts\nimport {\n  a,\nconst x = 1;\n${FENCE}`;
    expect(check(open, `it('S', () => { const x = 1; });`, ['S'], 'S')).toEqual([
      'unclosed import: import { a, const x = 1;',
    ]);
  });

  it('reads the body of a section up to the next section’s test, it or describe', () => {
    const guide = `## S\n${FENCE}ts\nf();\n${FENCE}\n## T\n${FENCE}ts\ng();\n${FENCE}`;
    const test = `describe('S', () => { it('x', () => {}); });\nit('T', () => { f(); g(); });`;
    expect(check(guide, test, ['S', 'T'], 'S')).toEqual(['f();']);
    expect(check(guide, test, ['S', 'T'], 'T')).toEqual([]);
    expect(check(guide, test, ['S', 'T'], 'U')).toEqual(['no code block in section U']);
  });

  it('fails when the sections with a block are not the ones the test lists', () => {
    const guide = `## S\n${FENCE}ts\nf();\n${FENCE}`;
    expect(() => check(guide, `it('S', () => { f(); });`, ['S', 'T'], 'S')).toThrow();
  });
});
