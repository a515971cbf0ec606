import { describe, expect, it } from 'vitest';
import {
  BUSINESS_TYPES,
  type BusinessType,
  businessCategoryOf,
  CANTEEN_KINDS,
  expectedLicenceTypeDigit,
} from './business-type.js';

describe('business-type taxonomy (REFERENCES.md, business types)', () => {
  it('maps the JY type digit: 1 sales, 2 catering, 3 canteen', () => {
    expect(expectedLicenceTypeDigit('food-sales')).toBe('1');
    expect(expectedLicenceTypeDigit('supermarket')).toBe('1');
    expect(expectedLicenceTypeDigit('catering')).toBe('2');
    expect(expectedLicenceTypeDigit('central-kitchen')).toBe('2');
    expect(expectedLicenceTypeDigit('group-meal-distributor')).toBe('2');
    expect(expectedLicenceTypeDigit('canteen')).toBe('3');
    expect(expectedLicenceTypeDigit('food-producer')).toBeUndefined();
  });

  it('covers every type named in the references', () => {
    const required: BusinessType[] = [
      'food-sales',
      'catering',
      'canteen',
      'central-kitchen',
      'group-meal-distributor',
      'food-producer',
      'small-workshop',
      'small-caterer',
      'food-stall',
      'online-platform',
      'wholesale-market',
      'supermarket',
      'farm-producer',
      'aquaculture-producer',
      'pesticide-shop',
    ];
    expect(Object.keys(BUSINESS_TYPES).sort()).toEqual([...required].sort());
    expect(businessCategoryOf('small-caterer')).toBe('three-small');
    expect(businessCategoryOf('aquaculture-producer')).toBe('primary-producer');
  });

  it('lists the six canteen kinds', () => {
    expect(CANTEEN_KINDS).toEqual([
      'school',
      'kindergarten',
      'elderly-care',
      'hospital',
      'enterprise',
      'construction-site',
    ]);
  });
});
