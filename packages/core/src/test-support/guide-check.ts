/**
 * Test support for the guide tests (`docs-*.test.ts`), which run the code of a guide in `docs/`
 * so that the guide cannot drift from the API. Each such test file names one `it` (or
 * `describe`) after each section of the guide that holds a ```ts block, copies the block's code
 * into it with the context it needs, and asserts what the guide's text says; this module checks
 * that the copy is still what the guide shows. Test support: not part of the published API (left
 * out of the package), as readme-examples.ts.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** A code block of a guide (TypeScript or JavaScript) and the section it stands in. */
export interface GuideBlock {
  /** The heading of its section; the second block of a section is `<heading> (2)`, and so on. */
  readonly section: string;
  readonly code: string;
}

/** The languages of the blocks a guide test runs (a fence's info string, any case). */
const CODE_LANGUAGES = new Set([
  'ts',
  'typescript',
  'tsx',
  'mts',
  'js',
  'javascript',
  'jsx',
  'mjs',
]);

/** A fence line (CommonMark: up to three spaces, three or more backticks or tildes). */
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/**
 * The TypeScript and JavaScript blocks of a guide (Markdown text), in order, with the section each
 * stands in. Fences may be of backticks or tildes, indented up to three spaces, with a language
 * in any case (`ts`, `typescript`, `tsx`, `js`…). Throws when a fence is left open.
 */
export function guideBlocks(guide: string): GuideBlock[] {
  const blocks: GuideBlock[] = [];
  let section = '';
  let fence: { marker: string; indent: number; code: boolean; lines: string[] } | undefined;
  for (const line of guide.split('\n')) {
    const f = FENCE.exec(line);
    if (fence !== undefined) {
      const closes =
        f !== null &&
        f[2]?.[0] === fence.marker[0] &&
        (f[2]?.length ?? 0) >= fence.marker.length &&
        (f[3] ?? '').trim() === '';
      if (!closes) {
        fence.lines.push(line.slice(Math.min(fence.indent, line.search(/\S|$/))));
        continue;
      }
      if (fence.code) {
        const n = blocks.filter((b) => b.section.replace(/ \(\d+\)$/, '') === section).length;
        blocks.push({
          section: n === 0 ? section : `${section} (${n + 1})`,
          code: fence.lines.join('\n'),
        });
      }
      fence = undefined;
      continue;
    }
    if (f !== null) {
      const lang = (f[3] ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      fence = {
        marker: f[2] ?? '```',
        indent: f[1]?.length ?? 0,
        code: CODE_LANGUAGES.has(lang),
        lines: [],
      };
      continue;
    }
    const heading = /^ {0,3}#{1,6} (.+?)(?: #+)?\s*$/.exec(line);
    if (heading?.[1] !== undefined) section = heading[1].trim();
  }
  if (fence !== undefined)
    throw new Error(`guide: a code fence in section "${section}" is not closed`);
  return blocks;
}

/** A guide and the test file that runs its code. */
export interface GuideTest {
  /** The guide's Markdown text. */
  readonly guide: string;
  /** The test file's own text. */
  readonly testSource: string;
  /** The sections with a code block, in the guide's order: one test each, named after it. */
  readonly sections: readonly string[];
  /** The modules the guide imports from, by specifier (to check the names it imports). */
  readonly modules: Readonly<Record<string, object>>;
}

/** Text without `/* … *\/` comments and `//` comments (a `//` after a space or at a line start). */
const withoutComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|\s)\/\/.*$/gm, '$1');
/** Code without whitespace and without the commas a formatter adds before a closing bracket. */
const squeeze = (text: string) => text.replace(/\s+/g, '').replace(/,(?=[)\]}])/g, '');

/**
 * Where the test (`it` or `describe`) of a section starts in the squeezed test source, or -1:
 * its name in single quotes (an apostrophe escaped), double quotes or backticks.
 */
function testStart(source: string, section: string): number {
  const name = squeeze(section);
  const quoted = [
    `'${name.replace(/'/g, "\\'")}'`,
    `"${name.replace(/"/g, '\\"')}"`,
    `\`${name}\``,
  ];
  for (const fn of ['it(', 'describe(']) {
    for (const q of quoted) {
      const at = source.indexOf(`${fn}${q}`);
      if (at >= 0) return at;
    }
  }
  return -1;
}

const IMPORT_START = /^import\s+(type\s+)?\{$/;
const IMPORT_END = /^\}\s+from\s+(['"])[^'"]+\1;?$/;
const IMPORT = /^import\s+(type\s+)?\{([^}]*)\}\s+from\s+(['"])([^'"]+)\3;?$/;

/**
 * The statements of a block, one a line, without comments; a multi-line `import {` … `} from '…'`
 * is one. An import never closed is `unclosed`, to be reported.
 */
function statementLines(code: string): { lines: string[]; unclosed: string | undefined } {
  const lines: string[] = [];
  let pending: string | undefined;
  for (const raw of withoutComments(code).split('\n')) {
    const line = raw.trim();
    if (pending !== undefined) {
      pending += ` ${line}`;
      if (IMPORT_END.test(line)) {
        lines.push(pending);
        pending = undefined;
      }
    } else if (IMPORT_START.test(line)) pending = line;
    else if (line !== '') lines.push(line);
  }
  return { lines, unclosed: pending };
}

/**
 * What the guide's block of `section` says that the test of that section does not: each code
 * line of the block (comments aside) must appear in the test's body (up to the next section's
 * test), in order, compared without whitespace or comments (a leading `export` and a trailing
 * `;` or `,` aside), and each name the block imports must be exported by the module it is
 * imported from (an import that is never closed is reported as it is). Also expects the guide's
 * sections with a code block to be `sections`, so that a block added, removed or moved fails the
 * test.
 */
export function guideLinesMissingFromTest(test: GuideTest, section: string): string[] {
  const blocks = guideBlocks(test.guide);
  expect(
    blocks.map((b) => b.section),
    'the sections with a code block',
  ).toEqual(test.sections);
  const block = blocks.find((b) => b.section === section);
  if (block === undefined) return [`no code block in section ${section}`];
  const source = squeeze(withoutComments(test.testSource));
  const start = testStart(source, section);
  if (start < 0) return [`no test named ${section}`];
  const following = test.sections[test.sections.indexOf(section) + 1];
  const end = following === undefined ? -1 : testStart(source, following);
  const body = end < 0 ? source.slice(start) : source.slice(start, end);
  const missing: string[] = [];
  let at = 0;
  const { lines, unclosed } = statementLines(block.code);
  if (unclosed !== undefined) missing.push(`unclosed import: ${unclosed}`);
  for (const line of lines) {
    const imported = IMPORT.exec(line);
    if (imported !== null) {
      const module = test.modules[imported[4] ?? ''];
      if (imported[1] !== undefined) {
        if (module === undefined) missing.push(`types from ${imported[4]}`);
        continue;
      }
      for (const spec of (imported[2] ?? '').split(',')) {
        const name = spec.trim().split(/\s+as\s+/)[0] ?? '';
        if (name === '' || name.startsWith('type ')) continue;
        if (module === undefined || !(name in module)) missing.push(`${name} from ${imported[4]}`);
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

/**
 * The check of one guide test file: reads the guide and the test file, and returns
 * {@link guideLinesMissingFromTest} for a section.
 *
 * @example
 * const guideLinesMissingFromTest = guideCheck({
 *   guide: new URL('../../../docs/trace.md', import.meta.url),
 *   test: new URL(import.meta.url),
 *   sections: ['Validate a document', …],
 *   modules: { '@foodsafety/trace': traceApi },
 * });
 */
export function guideCheck(files: {
  readonly guide: URL;
  readonly test: URL;
  readonly sections: readonly string[];
  readonly modules: Readonly<Record<string, object>>;
}): (section: string) => string[] {
  const test: GuideTest = {
    guide: readFileSync(files.guide, 'utf8'),
    testSource: readFileSync(files.test, 'utf8'),
    sections: files.sections,
    modules: files.modules,
  };
  return (section) => guideLinesMissingFromTest(test, section);
}
