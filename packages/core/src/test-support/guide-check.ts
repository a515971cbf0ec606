/**
 * Test support for the guide tests (`docs-*.test.ts`), which run the code of a guide in `docs/`
 * so that the guide cannot drift from the API. Each such test file names one `it` (or
 * `describe`) after each section of the guide that holds a ```ts block, copies the block's code
 * into it with the context it needs, and asserts what the guide's text says; this module checks
 * that the copy is still what the guide shows. Test support: not part of the published API (left
 * out of the package), as readme-examples.ts.
 */
import { expect } from 'vitest';

/** A ```ts block of a guide and the section it stands in. */
export interface GuideBlock {
  /** The heading of its section; the second block of a section is `<heading> (2)`, and so on. */
  readonly section: string;
  readonly code: string;
}

/** The ```ts blocks of a guide (Markdown text), in order, with the section each stands in. */
export function guideBlocks(guide: string): GuideBlock[] {
  const blocks: GuideBlock[] = [];
  let section = '';
  let fence: { lang: string; lines: string[] } | undefined;
  for (const line of guide.split('\n')) {
    if (fence !== undefined) {
      if (line.startsWith('```')) {
        if (fence.lang === 'ts') {
          const n = blocks.filter((b) => b.section.replace(/ \(\d+\)$/, '') === section).length;
          blocks.push({
            section: n === 0 ? section : `${section} (${n + 1})`,
            code: fence.lines.join('\n'),
          });
        }
        fence = undefined;
      } else fence.lines.push(line);
      continue;
    }
    const heading = /^#{1,6} (.+)$/.exec(line);
    if (heading?.[1] !== undefined) section = heading[1].trim();
    else if (line.startsWith('```')) fence = { lang: line.slice(3).trim(), lines: [] };
  }
  return blocks;
}

/** A guide and the test file that runs its code. */
export interface GuideTest {
  /** The guide's Markdown text. */
  readonly guide: string;
  /** The test file's own text. */
  readonly testSource: string;
  /** The sections with a ```ts block, in the guide's order: one test each, named after it. */
  readonly sections: readonly string[];
  /** The modules the guide imports from, by specifier (to check the names it imports). */
  readonly modules: Readonly<Record<string, object>>;
}

const withoutComments = (text: string) => text.replace(/(^|\s)\/\/.*$/gm, '$1');
/** Code without whitespace and without the commas a formatter adds before a closing bracket. */
const squeeze = (text: string) => text.replace(/\s+/g, '').replace(/,(?=[)\]}])/g, '');

/** Where the test (`it` or `describe`) of a section starts in the squeezed test source, or -1. */
function testStart(source: string, section: string): number {
  const at = source.indexOf(`it('${squeeze(section)}'`);
  return at >= 0 ? at : source.indexOf(`describe('${squeeze(section)}'`);
}

/** The lines of a block without comments, each multi-line `import {` … `} from '…'` as one. */
function statementLines(code: string): string[] {
  const lines: string[] = [];
  let pending: string | undefined;
  for (const raw of withoutComments(code).split('\n')) {
    const line = raw.trim();
    if (pending !== undefined) {
      pending += ` ${line}`;
      if (/^\}\s+from\s+'[^']+';?$/.test(line)) {
        lines.push(pending);
        pending = undefined;
      }
    } else if (/^import\s+(type\s+)?\{$/.test(line)) pending = line;
    else if (line !== '') lines.push(line);
  }
  return lines;
}

/**
 * What the guide's block of `section` says that the test of that section does not: each code
 * line of the block (comments aside) must appear in the test's body (up to the next section's
 * test), in order, compared without whitespace (a leading `export` and a trailing `;` or `,`
 * aside), and each name the block imports must be exported by the module it is imported from.
 * Also expects the guide's sections with a ```ts block to be `sections`, so that a block added,
 * removed or moved fails the test.
 */
export function guideLinesMissingFromTest(test: GuideTest, section: string): string[] {
  const blocks = guideBlocks(test.guide);
  expect(
    blocks.map((b) => b.section),
    'the sections with a ts block',
  ).toEqual(test.sections);
  const block = blocks.find((b) => b.section === section);
  if (block === undefined) return [`no ts block in section ${section}`];
  const source = squeeze(withoutComments(test.testSource));
  const start = testStart(source, section);
  if (start < 0) return [`no test named ${section}`];
  const following = test.sections[test.sections.indexOf(section) + 1];
  const end = following === undefined ? -1 : testStart(source, following);
  const body = end < 0 ? source.slice(start) : source.slice(start, end);
  const missing: string[] = [];
  let at = 0;
  for (const line of statementLines(block.code)) {
    const imported = /^import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)';?$/.exec(line);
    if (imported !== null) {
      const module = test.modules[imported[3] ?? ''];
      if (imported[1] !== undefined) {
        if (module === undefined) missing.push(`types from ${imported[3]}`);
        continue;
      }
      for (const spec of (imported[2] ?? '').split(',')) {
        const name = spec.trim().split(/\s+as\s+/)[0] ?? '';
        if (name === '' || name.startsWith('type ')) continue;
        if (module === undefined || !(name in module)) missing.push(`${name} from ${imported[3]}`);
      }
      continue;
    }
    const code = squeeze(line.replace(/^export\s+/, '')).replace(/[;,]$/, '');
    const found = body.indexOf(code, at);
    if (found < 0) missing.push(line);
    else at = found + code.length;
  }
  return missing;
}
