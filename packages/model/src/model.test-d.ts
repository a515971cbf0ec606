import type { Result } from '@foodsafety/core';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  BusinessOperator,
  BusinessOperatorInput,
  BusinessType,
  CanteenKind,
  CreationTask,
  EnforcementCase,
  Fen,
  FoodBusinessLicence,
  Inspection,
  Jurisdiction,
  JurisdictionLevel,
  JurisdictionTree,
  Licence,
  RectificationEvent,
  RectificationLedger,
  SampleBatch,
  TaskAssignment,
} from './index.js';
import {
  licenceStatus,
  parseBusinessOperator,
  parseCreationTask,
  parseJurisdictionTree,
  parseRectificationLedger,
  passRate,
} from './index.js';

describe('inferred entity types', () => {
  it('makes an operator licence a union discriminated on kind', () => {
    type L = BusinessOperator['licences'][number];
    expectTypeOf<L>().toEqualTypeOf<Licence>();
    expectTypeOf<L['kind']>().toEqualTypeOf<
      'food-business' | 'food-production' | 'public-place-hygiene' | 'registration'
    >();
    expectTypeOf<Extract<L, { kind: 'food-business' }>>().toEqualTypeOf<FoodBusinessLicence>();
    expectTypeOf<Extract<L, { kind: 'food-business' }>['businessItems']>().toEqualTypeOf<
      string[] | undefined
    >();
    expectTypeOf<Extract<L, { kind: 'registration' }>>().not.toHaveProperty('businessItems');
  });

  it('fills defaulted flags on output and leaves them optional on input', () => {
    expectTypeOf<BusinessOperator['flags']>().toEqualTypeOf<{
      chain: boolean;
      online: boolean;
      schoolServing: boolean;
    }>();
    expectTypeOf<undefined>().toExtend<BusinessOperatorInput['flags']>();
    expectTypeOf<BusinessOperator['businessType']>().toEqualTypeOf<BusinessType>();
    expectTypeOf<BusinessOperator['canteenKind']>().toEqualTypeOf<CanteenKind | undefined>();
  });

  it('types levels, money and dates as intended', () => {
    expectTypeOf<Jurisdiction['level']>().toEqualTypeOf<JurisdictionLevel>();
    expectTypeOf<JurisdictionLevel>().toEqualTypeOf<'city' | 'district' | 'street' | 'community'>();
    expectTypeOf<Fen>().toEqualTypeOf<number>();
    expectTypeOf<Inspection['items'][number]['class']>().toEqualTypeOf<'key' | 'general'>();
    expectTypeOf<Inspection['items'][number]['result']>().toEqualTypeOf<
      'pass' | 'fail' | 'not-applicable'
    >();
    expectTypeOf<SampleBatch['results'][number]['value']>().toEqualTypeOf<
      number | 'not-detected' | 'detected' | 'negative' | 'positive'
    >();
  });

  it('discriminates penalties, assignments and ledger events', () => {
    type Penalty = EnforcementCase['penalties'][number];
    type Monetary = Extract<Penalty, { amountFen: unknown }>;
    expectTypeOf<Monetary['kind']>().toEqualTypeOf<'fine' | 'confiscation-of-income'>();
    expectTypeOf<Monetary['amountFen']>().toEqualTypeOf<number>();
    expectTypeOf<Exclude<Penalty, Monetary>>().not.toHaveProperty('amountFen');
    expectTypeOf<
      Extract<TaskAssignment, { kind: 'department' }>['departmentId']
    >().toEqualTypeOf<string>();
    expectTypeOf<CreationTask['assignments'][number]>().toEqualTypeOf<TaskAssignment>();
    expectTypeOf<RectificationEvent['type']>().toEqualTypeOf<
      'opened' | 'closed' | 'verified' | 'reopened'
    >();
    expectTypeOf<
      Extract<RectificationEvent, { type: 'reopened' }>['deadline']
    >().toEqualTypeOf<string>();
  });
});

describe('parser signatures', () => {
  it('take unknown and return a Result of the entity', () => {
    expectTypeOf(parseBusinessOperator).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseBusinessOperator).returns.toEqualTypeOf<Result<BusinessOperator>>();
    expectTypeOf(parseCreationTask).returns.toEqualTypeOf<Result<CreationTask>>();
    expectTypeOf(parseRectificationLedger).returns.toEqualTypeOf<Result<RectificationLedger>>();
    expectTypeOf(parseJurisdictionTree).returns.toEqualTypeOf<Result<JurisdictionTree>>();
  });

  it('return exact fractions and statuses', () => {
    expectTypeOf(passRate).returns.toEqualTypeOf<
      { readonly numerator: number; readonly denominator: number } | undefined
    >();
    expectTypeOf(licenceStatus)
      .returns.toHaveProperty('status')
      .toEqualTypeOf<'not-yet-valid' | 'valid' | 'expiring' | 'expired'>();
  });
});
