import { describe, expectTypeOf, it } from 'vitest';
import { createDiagnostic, type Diagnostic } from './diagnostic.js';
import { defineMessages, MessageCatalogue, type TemplateParamNames } from './message-catalogue.js';
import type { Result } from './result.js';

const catalogue = new MessageCatalogue();
const m = defineMessages(
  {
    TYPES_TWO: { severity: 'error', 'zh-CN': '{a} 与 {b}', en: '{a} and {b}' },
    TYPES_NONE: { severity: 'info', 'zh-CN': '无', en: 'none' },
  },
  { catalogue },
);

describe('message params are typed from the template', () => {
  it('extracts placeholder names', () => {
    expectTypeOf<TemplateParamNames<'x {a} y {b}'>>().toEqualTypeOf<'a' | 'b'>();
    expectTypeOf<TemplateParamNames<'no params'>>().toEqualTypeOf<never>();
  });

  it('requires every placeholder when creating a diagnostic', () => {
    expectTypeOf(createDiagnostic(m.TYPES_TWO, { a: 1, b: 'x' })).toEqualTypeOf<Diagnostic>();
    // @ts-expect-error missing param b
    createDiagnostic(m.TYPES_TWO, { a: 1 });
    createDiagnostic(m.TYPES_NONE, {});
  });

  it('keeps the code literal on the descriptor', () => {
    expectTypeOf(m.TYPES_TWO.code).toEqualTypeOf<'TYPES_TWO'>();
  });
});

describe('Result narrows on ok', () => {
  it('has a value only when ok', () => {
    const r = {} as Result<number>;
    if (r.ok) expectTypeOf(r.value).toEqualTypeOf<number>();
    // @ts-expect-error no value on a failed result
    if (!r.ok) r.value;
  });
});
