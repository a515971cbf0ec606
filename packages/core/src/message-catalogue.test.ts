import { describe, expect, it } from 'vitest';
import { createDiagnostic, localizeDiagnostic } from './diagnostic.js';
import { isFoodSafetyError } from './foodsafety-error.js';
import {
  defaultCatalogue,
  defineMessages,
  interpolate,
  isLocalizedParam,
  localizedParam,
  MessageCatalogue,
} from './message-catalogue.js';

describe('defineMessages', () => {
  it('registers codes in the given catalogue and freezes the descriptors', () => {
    const catalogue = new MessageCatalogue();
    const m = defineMessages(
      { TEST_ONE: { severity: 'warning', 'zh-CN': '一 {x}', en: 'one {x}' } },
      { catalogue, source: 'pkg' },
    );
    expect(m.TEST_ONE).toEqual({
      code: 'TEST_ONE',
      severity: 'warning',
      templates: { 'zh-CN': '一 {x}', en: 'one {x}' },
      source: 'pkg',
    });
    expect(Object.isFrozen(m.TEST_ONE)).toBe(true);
    expect(catalogue.codes()).toEqual(['TEST_ONE']);
    expect(defaultCatalogue.has('TEST_ONE')).toBe(false);
  });

  it('rejects codes that are not UPPER_SNAKE with a prefix', () => {
    const catalogue = new MessageCatalogue();
    for (const code of ['lower_case', 'NOPREFIX', 'TRAILING_', '_LEADING']) {
      expect(() =>
        defineMessages({ [code]: { severity: 'error', 'zh-CN': 'x', en: 'x' } }, { catalogue }),
      ).toThrowError(/CORE_MESSAGE_CODE_INVALID/);
    }
  });

  it('rejects templates whose placeholders differ between locales', () => {
    const catalogue = new MessageCatalogue();
    try {
      defineMessages({ TEST_BAD: { severity: 'error', 'zh-CN': '{a}', en: '{b}' } }, { catalogue });
      expect.unreachable();
    } catch (error) {
      expect(isFoodSafetyError(error, 'CORE_MESSAGE_PARAMS_MISMATCH')).toBe(true);
    }
  });

  it('accepts an identical re-registration and rejects a conflicting one', () => {
    const catalogue = new MessageCatalogue();
    const def = { TEST_SAME: { severity: 'error', 'zh-CN': '同', en: 'same' } } as const;
    defineMessages(def, { catalogue });
    expect(() => defineMessages(def, { catalogue })).not.toThrow();
    expect(() =>
      defineMessages(
        { TEST_SAME: { severity: 'error', 'zh-CN': '异', en: 'other' } },
        { catalogue },
      ),
    ).toThrowError(/CORE_MESSAGE_CONFLICT/);
  });
});

describe('MessageCatalogue.extend', () => {
  it('sees the parent codes and keeps its own registrations to itself', () => {
    const parent = new MessageCatalogue();
    defineMessages(
      { TEST_PARENT: { severity: 'info', 'zh-CN': '父', en: 'parent' } },
      { catalogue: parent },
    );
    const child = parent.extend();
    defineMessages(
      { TEST_CHILD: { severity: 'info', 'zh-CN': '子 {n}', en: 'child {n}' } },
      { catalogue: child },
    );
    expect(child.codes()).toEqual(['TEST_CHILD', 'TEST_PARENT']);
    expect(parent.has('TEST_CHILD')).toBe(false);
    expect(child.render('TEST_CHILD', { n: 3 }, 'zh-CN')).toBe('子 3');
    expect(child.render('TEST_MISSING', {}, 'en')).toBeUndefined();
  });
});

describe('interpolate', () => {
  it('joins arrays per locale and leaves missing params visible', () => {
    expect(interpolate('{a} / {b}', { a: ['x', 'y'] }, 'en')).toBe('x, y / {b}');
    expect(interpolate('{a}', { a: ['甲', '乙'] }, 'zh-CN')).toBe('甲、乙');
    expect(interpolate('{n}', { n: 10n }, 'en')).toBe('10');
  });

  it('shows a localized param in the message’s own locale, when made and when rendered again', () => {
    const none = localizedParam('（无 eventID）', '(no eventID)');
    expect(interpolate('event {id}', { id: none }, 'en')).toBe('event (no eventID)');
    expect(interpolate('事件 {id}', { id: none }, 'zh-CN')).toBe('事件 （无 eventID）');
    expect(Object.isFrozen(none)).toBe(true);
    const catalogue = new MessageCatalogue();
    const descriptor = defineMessages(
      {
        TEST_LOCALIZED_PARAM: {
          severity: 'warning',
          'zh-CN': '事件 {id} 未接收',
          en: 'event {id} not received',
        },
      },
      { catalogue },
    ).TEST_LOCALIZED_PARAM;
    const d = createDiagnostic(descriptor, { id: none }, { path: [0] });
    expect(d.message).toBe('event (no eventID) not received');
    expect(localizeDiagnostic(d, 'zh-CN', catalogue).message).toBe('事件 （无 eventID） 未接收');
    // only an object with both texts is one; lists, data objects and half-written ones are not
    expect(isLocalizedParam(none)).toBe(true);
    expect(isLocalizedParam({ en: 'x' })).toBe(false);
    expect(isLocalizedParam({ en: 'x', 'zh-CN': 1 })).toBe(false);
    expect(isLocalizedParam(['x'])).toBe(false);
    expect(isLocalizedParam(null)).toBe(false);
    expect(interpolate('{a}', { a: { en: 'x' } }, 'en')).toBe('[object Object]');
  });

  it('does not read inherited properties as params', () => {
    expect(interpolate('{toString}', {}, 'en')).toBe('{toString}');
  });

  it('shows params that String() cannot convert instead of throwing', () => {
    // params are `unknown` to JavaScript callers: an object without a prototype, or one whose
    // toString throws, made String() and Array#join throw a TypeError
    const bare = Object.create(null) as unknown;
    const hostile = {
      toString() {
        throw new Error('no text');
      },
    };
    expect(interpolate('{a} / {b}', { a: bare, b: hostile }, 'en')).toBe('object / object');
    expect(interpolate('{a}', { a: ['x', bare, 2, null] }, 'zh-CN')).toBe('x、object、2、');
    const descriptor = defineMessages(
      { TEST_PARAM_SHOWN: { severity: 'error', 'zh-CN': '取值 {value}', en: 'value {value}' } },
      { catalogue: new MessageCatalogue() },
    ).TEST_PARAM_SHOWN;
    const d = createDiagnostic(descriptor, { value: bare as string }, { path: ['x'] });
    expect([d.code, d.path, d.message]).toEqual(['TEST_PARAM_SHOWN', ['x'], 'value object']);
  });

  it('shows every other param as String() does, as before', () => {
    // an Error passed as a detail, a URL, a boxed string, an object with its own toString, a
    // nested list: what String() gives, not a description
    const own = { toString: () => 'X' };
    const url = new URL('https://id.gs1.org/01/09506000134352');
    expect(
      interpolate(
        '{a} | {b} | {c} | {d} | {e}',
        {
          a: new Error('boom'),
          b: url,
          c: Object('s'),
          d: own,
          e: [['a', 'b'], 'c'],
        },
        'en',
      ),
    ).toBe('Error: boom | https://id.gs1.org/01/09506000134352 | s | X | a,b, c');
  });
});
