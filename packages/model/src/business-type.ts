import { z } from 'zod';

/**
 * The broad category of a business type: food sales (食品销售), catering (餐饮服务), unit canteens
 * (单位食堂), food production (食品生产, SC licence), the "three smalls" (三小: small workshops, small
 * caterers, stalls, registered rather than licensed), primary agricultural producers (食用农产品
 * 生产者) and agricultural-input dealers (农资经营).
 */
export const BUSINESS_CATEGORIES = [
  'sales',
  'catering',
  'canteen',
  'production',
  'three-small',
  'primary-producer',
  'agricultural-input',
] as const;

/** A broad business category. */
export type BusinessCategory = (typeof BUSINESS_CATEGORIES)[number];

/** What the model knows about each business type. */
export interface BusinessTypeInfo {
  readonly category: BusinessCategory;
  /** The Chinese term. */
  readonly zh: string;
  /**
   * The type digit (third character) a food business licence (`JY…`) of this type carries:
   * 1 sales, 2 catering, 3 canteen; `undefined` where the type holds no food business licence.
   */
  readonly licenceTypeDigit: '1' | '2' | '3' | undefined;
}

/**
 * The business-type taxonomy (食品经营许可主体业态 and the neighbouring regulated types), after
 * REFERENCES.md "business types" [S]. Central kitchens (中央厨房) and group-meal distributors
 * (集体用餐配送单位) are catering operators with their own type because regulators watch them
 * separately; supermarkets, wholesale markets and online platforms are kinds of sales.
 */
export const BUSINESS_TYPES = {
  'food-sales': { category: 'sales', zh: '食品销售经营者', licenceTypeDigit: '1' },
  supermarket: { category: 'sales', zh: '超市', licenceTypeDigit: '1' },
  'wholesale-market': { category: 'sales', zh: '食品批发市场', licenceTypeDigit: '1' },
  /** Third-party online food trading platform (网络食品交易第三方平台): filed, not licensed. */
  'online-platform': {
    category: 'sales',
    zh: '网络食品交易第三方平台',
    licenceTypeDigit: undefined,
  },
  catering: { category: 'catering', zh: '餐饮服务经营者', licenceTypeDigit: '2' },
  'central-kitchen': { category: 'catering', zh: '中央厨房', licenceTypeDigit: '2' },
  'group-meal-distributor': {
    category: 'catering',
    zh: '集体用餐配送单位',
    licenceTypeDigit: '2',
  },
  canteen: { category: 'canteen', zh: '集中用餐单位食堂', licenceTypeDigit: '3' },
  'food-producer': { category: 'production', zh: '食品生产者', licenceTypeDigit: undefined },
  'small-workshop': { category: 'three-small', zh: '食品小作坊', licenceTypeDigit: undefined },
  'small-caterer': { category: 'three-small', zh: '小餐饮', licenceTypeDigit: '2' },
  'food-stall': { category: 'three-small', zh: '食品摊贩', licenceTypeDigit: undefined },
  'farm-producer': {
    category: 'primary-producer',
    zh: '种植养殖生产者',
    licenceTypeDigit: undefined,
  },
  'aquaculture-producer': {
    category: 'primary-producer',
    zh: '水产养殖生产者',
    licenceTypeDigit: undefined,
  },
  'pesticide-shop': {
    category: 'agricultural-input',
    zh: '农药经营店',
    licenceTypeDigit: undefined,
  },
} as const satisfies Record<string, BusinessTypeInfo>;

/** A business type (see {@link BUSINESS_TYPES}). */
export type BusinessType = keyof typeof BUSINESS_TYPES;

/** The schema of a business type. */
export const businessTypeSchema = z.enum(
  Object.keys(BUSINESS_TYPES) as [BusinessType, ...BusinessType[]],
);

/**
 * The kinds of unit canteen (集中用餐单位食堂): school (学校), kindergarten (幼儿园), elderly care
 * (养老机构), hospital (医院), enterprise (企业), construction site (建筑工地).
 */
export const CANTEEN_KINDS = [
  'school',
  'kindergarten',
  'elderly-care',
  'hospital',
  'enterprise',
  'construction-site',
] as const;

/** A kind of unit canteen. */
export type CanteenKind = (typeof CANTEEN_KINDS)[number];

/** The schema of a canteen kind. */
export const canteenKindSchema = z.enum(CANTEEN_KINDS);

/** The category of a business type. */
export function businessCategoryOf(type: BusinessType): BusinessCategory {
  return BUSINESS_TYPES[type].category;
}

/** The JY licence type digit a business type expects, or `undefined` when it holds no JY licence. */
export function expectedLicenceTypeDigit(type: BusinessType): '1' | '2' | '3' | undefined {
  return BUSINESS_TYPES[type].licenceTypeDigit;
}
