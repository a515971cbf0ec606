import type { Result } from '@foodsafety/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  documentEvents,
  type EpcisDocument,
  type EpcisEvent,
  hasAction,
  type ObjectEvent,
  type TransformationEvent,
} from './epcis-event.js';
import { parseEpcisDocument } from './parse-epcis-document.js';
import type { EpcisValidationResult } from './validate-epcis-document.js';
import { validateEpcisDocument } from './validate-epcis-document.js';

describe('EPCIS types', () => {
  it('parseEpcisDocument gives a Result of a document', () => {
    expectTypeOf(parseEpcisDocument).returns.toEqualTypeOf<Result<EpcisDocument>>();
    expectTypeOf(validateEpcisDocument).returns.toEqualTypeOf<EpcisValidationResult>();
  });

  it('events are a discriminated union on type', () => {
    const e = {} as EpcisEvent;
    if (e.type === 'ObjectEvent') {
      expectTypeOf(e).toEqualTypeOf<ObjectEvent>();
      expectTypeOf(e.action).toEqualTypeOf<'ADD' | 'OBSERVE' | 'DELETE'>();
    }
    if (e.type === 'TransformationEvent') {
      expectTypeOf(e).toEqualTypeOf<TransformationEvent>();
    }
    if (hasAction(e)) expectTypeOf(e.action).toEqualTypeOf<'ADD' | 'OBSERVE' | 'DELETE'>();
    expectTypeOf(documentEvents).returns.toEqualTypeOf<readonly EpcisEvent[]>();
  });

  it('quantity elements are typed', () => {
    const e = {} as ObjectEvent;
    expectTypeOf(e.quantityList).toEqualTypeOf<
      | readonly { readonly epcClass: string; readonly quantity?: number; readonly uom?: string }[]
      | undefined
    >();
  });
});
