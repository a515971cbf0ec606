/**
 * CBV 2.0 / EPCIS 2.0.1 vocabularies as precompiled sets (the enums of the 2.0.1 JSON Schema), with
 * case-insensitive lookups and URN-form prefixes for lenient normalisation.
 */

import { isUri } from './json-formats.js';

function set(words: readonly string[]): ReadonlySet<string> {
  return new Set(words);
}

function lowerMap(words: readonly string[]): ReadonlyMap<string, string> {
  return new Map(words.map((w) => [w.toLowerCase(), w]));
}

/** A CBV vocabulary: its bare words, their case-insensitive index, its `urn:epcglobal:cbv:` prefix. */
export interface CbvVocabulary {
  readonly name: string;
  readonly words: ReadonlySet<string>;
  readonly byLowerCase: ReadonlyMap<string, string>;
  /** `urn:epcglobal:cbv:bizstep:` etc., for URN-form values (lenient mode). */
  readonly urnPrefix?: string;
  /**
   * `/cbv/BizStep-` etc.: the path of its CBV 2.0 web URIs after `https://ref.gs1.org`
   * (`https://ref.gs1.org/cbv/BizStep-shipping`).
   */
  readonly webPath?: string;
  /** Whether a URI value must avoid the GS1 Web Vocabulary namespace instead of the CBV one. */
  readonly nonGs1WebVoc?: boolean;
  readonly list: string;
}

function vocabulary(
  name: string,
  words: readonly string[],
  extra: { urnPrefix?: string; webPath?: string; nonGs1WebVoc?: boolean } = {},
): CbvVocabulary {
  return {
    name,
    words: set(words),
    byLowerCase: lowerMap(words),
    list: words.length > 8 ? `${words.slice(0, 8).join(', ')}, …` : words.join(', '),
    ...extra,
  };
}

export const BIZ_STEPS = vocabulary(
  'bizStep',
  [
    'accepting',
    'arriving',
    'assembling',
    'collecting',
    'commissioning',
    'consigning',
    'creating_class_instance',
    'cycle_counting',
    'decommissioning',
    'departing',
    'destroying',
    'disassembling',
    'dispensing',
    'encoding',
    'entering_exiting',
    'holding',
    'inspecting',
    'installing',
    'killing',
    'loading',
    'other',
    'packing',
    'picking',
    'receiving',
    'removing',
    'repackaging',
    'repairing',
    'replacing',
    'reserving',
    'retail_selling',
    'shipping',
    'staging_outbound',
    'stock_taking',
    'stocking',
    'storing',
    'transporting',
    'unloading',
    'unpacking',
    'void_shipping',
    'sensor_reporting',
    'sampling',
  ],
  { urnPrefix: 'urn:epcglobal:cbv:bizstep:', webPath: '/cbv/BizStep-' },
);

export const DISPOSITIONS = vocabulary(
  'disposition',
  [
    'active',
    'container_closed',
    'damaged',
    'destroyed',
    'dispensed',
    'disposed',
    'encoded',
    'expired',
    'in_progress',
    'in_transit',
    'inactive',
    'no_pedigree_match',
    'non_sellable_other',
    'partially_dispensed',
    'recalled',
    'reserved',
    'retail_sold',
    'returned',
    'sellable_accessible',
    'sellable_not_accessible',
    'stolen',
    'unknown',
    'available',
    'completeness_verified',
    'completeness_inferred',
    'conformant',
    'container_open',
    'mismatch_instance',
    'mismatch_class',
    'mismatch_quantity',
    'needs_replacement',
    'non_conformant',
    'unavailable',
  ],
  { urnPrefix: 'urn:epcglobal:cbv:disp:', webPath: '/cbv/Disp-' },
);

export const BIZ_TRANSACTION_TYPES = vocabulary(
  'bizTransaction type',
  [
    'bol',
    'cert',
    'desadv',
    'inv',
    'pedigree',
    'po',
    'poc',
    'prodorder',
    'recadv',
    'rma',
    'testprd',
    'testres',
    'upevt',
  ],
  { urnPrefix: 'urn:epcglobal:cbv:btt:', webPath: '/cbv/BTT-' },
);

export const SOURCE_DEST_TYPES = vocabulary(
  'source/destination type',
  ['owning_party', 'possessing_party', 'location'],
  { urnPrefix: 'urn:epcglobal:cbv:sdt:', webPath: '/cbv/SDT-' },
);

export const ERROR_REASONS = vocabulary('error reason', ['did_not_occur', 'incorrect_data'], {
  urnPrefix: 'urn:epcglobal:cbv:er:',
  webPath: '/cbv/ER-',
});

export const MEASUREMENT_TYPES = vocabulary(
  'measurement type',
  [
    'AbsoluteHumidity',
    'AbsorbedDose',
    'AbsorbedDoseRate',
    'Acceleration',
    'Radioactivity',
    'Altitude',
    'AmountOfSubstance',
    'AmountOfSubstancePerUnitVolume',
    'Angle',
    'AngularAcceleration',
    'AngularMomentum',
    'AngularVelocity',
    'Area',
    'Capacitance',
    'Conductance',
    'Conductivity',
    'Count',
    'Density',
    'Dimensionless',
    'DoseEquivalent',
    'DoseEquivalentRate',
    'DynamicViscosity',
    'ElectricCharge',
    'ElectricCurrent',
    'ElectricCurrentDensity',
    'ElectricFieldStrength',
    'Energy',
    'Exposure',
    'Force',
    'Frequency',
    'Illuminance',
    'Inductance',
    'Irradiance',
    'KinematicViscosity',
    'Length',
    'LinearMomentum',
    'Luminance',
    'LuminousFlux',
    'LuminousIntensity',
    'MagneticFlux',
    'MagneticFluxDensity',
    'MagneticVectorPotential',
    'Mass',
    'MassConcentration',
    'MassFlowRate',
    'MassPerAreaTime',
    'MemoryCapacity',
    'MolalityOfSolute',
    'MolarEnergy',
    'MolarMass',
    'MolarVolume',
    'Power',
    'Pressure',
    'RadiantFlux',
    'RadiantIntensity',
    'RelativeHumidity',
    'Resistance',
    'Resistivity',
    'SolidAngle',
    'SpecificVolume',
    'Speed',
    'SurfaceDensity',
    'SurfaceTension',
    'Temperature',
    'Time',
    'Torque',
    'Voltage',
    'Volume',
    'VolumeFlowRate',
    'VolumeFraction',
    'VolumetricFlux',
    'Wavenumber',
  ],
  { nonGs1WebVoc: true },
);

export const SENSOR_ALERT_TYPES = vocabulary(
  'sensor alert type',
  ['ALARM_CONDITION', 'ERROR_CONDITION'],
  {
    nonGs1WebVoc: true,
  },
);

export const COMPONENTS = vocabulary(
  'component',
  [
    'x',
    'y',
    'z',
    'axial_distance',
    'azimuth',
    'height',
    'spherical_radius',
    'polar_angle',
    'elevation_angle',
    'easting',
    'northing',
    'latitude',
    'longitude',
    'altitude',
  ],
  { webPath: '/cbv/Comp-' },
);

export const ACTIONS = vocabulary('action', ['OBSERVE', 'ADD', 'DELETE']);

/**
 * `vocab-other-uri` of the schema: a URI that is not in the CBV namespaces. Matched in any letter
 * case: the `urn` scheme and the NID `epcglobal` are case-insensitive (RFC 8141 §3.1), as are the
 * scheme and host of a URL (RFC 3986 §6.2.2.1), so `URN:EPCGLOBAL:cbv:…` is the CBV URN itself;
 * `urn:epcglobal:CBV:…` is a case slip of it, not a URI of another namespace.
 */
export const CBV_NAMESPACE = /^(?:urn:epcglobal:cbv|https?:\/\/ns\.gs1\.org\/cbv\/)/i;
/** `vocab-nonGS1WebVoc-uri`: a URI that is not in the GS1 Web Vocabulary (matched in any case, as above). */
export const GS1_WEB_VOC_NAMESPACE = /^https?:\/\/(?:www\.)?gs1\.org\/voc\//i;

/** `urn:epcglobal:`, the part of a CBV URN that may be written in any case. */
const URN_NID = 'urn:epcglobal:';

/** A value read as a CBV URI of one vocabulary: see {@link readCbvUri}. */
export interface CbvUriReading {
  /** `urn` for `urn:epcglobal:cbv:…`, `web` for `https://ref.gs1.org/cbv/…`. */
  readonly form: 'urn' | 'web';
  /** What follows the prefix, as written (`shipping`; `SHIPPING` in a case slip). */
  readonly word: string;
  /**
   * Whether the case-sensitive part of the prefix (`cbv:bizstep:`, `/cbv/BizStep-`) is written
   * exactly; the scheme, the NID and the host may be in any case.
   */
  readonly exact: boolean;
}

/** The scheme and host of the CBV 2.0 web URIs, as CBV 2.0 writes them. */
export const CBV_WEB_HOST = 'https://ref.gs1.org';

/**
 * The length of `https://ref.gs1.org` or `http://ref.gs1.org` at the start of a value, scheme and
 * host in any letter case, or 0.
 */
function gs1RefAuthority(value: string): number {
  const s = (value.charCodeAt(4) | 0x20) === 0x73 ? 5 : 4; // https or http
  const end = s + 14; // '://ref.gs1.org'
  if (value.length <= end) return 0;
  const head = value.slice(0, end);
  const lower = head.toLowerCase();
  return lower === 'https://ref.gs1.org' || lower === 'http://ref.gs1.org' ? end : 0;
}

/**
 * Reads a value as a CBV URI of a vocabulary, `urn:epcglobal:cbv:bizstep:shipping` or
 * `https://ref.gs1.org/cbv/BizStep-shipping`, with its scheme, NID or host in any letter case
 * (`URN:EPCGLOBAL:cbv:bizstep:shipping`, `HTTPS://REF.GS1.ORG/cbv/BizStep-shipping`) and the rest
 * of its prefix in any case too ({@link CbvUriReading.exact} says whether it was written exactly).
 * Undefined when the value is no such URI or has nothing after the prefix. The word is not
 * checked against the vocabulary.
 */
export function readCbvUri(vocab: CbvVocabulary, value: string): CbvUriReading | undefined {
  const c = value.charCodeAt(0) | 0x20;
  if (c === 0x75 /* u */) {
    const prefix = vocab.urnPrefix;
    if (prefix === undefined || value.length <= prefix.length) return undefined;
    if (value.slice(0, prefix.length).toLowerCase() !== prefix) return undefined;
    const exact = value.startsWith(prefix.slice(URN_NID.length), URN_NID.length);
    return { form: 'urn', word: value.slice(prefix.length), exact };
  }
  if (c === 0x68 /* h */) {
    const path = vocab.webPath;
    if (path === undefined) return undefined;
    const authority = gs1RefAuthority(value);
    if (authority === 0 || value.length <= authority + path.length) return undefined;
    const at = value.slice(authority, authority + path.length);
    if (at !== path && at.toLowerCase() !== path.toLowerCase()) return undefined;
    return {
      form: 'web',
      word: value.slice(authority + path.length),
      exact: at === path,
    };
  }
  return undefined;
}

/**
 * The CBV word of a value of a vocabulary when it is one: the bare word, or the word of a CBV URI
 * whose prefix is written exactly but for the case of its scheme, NID or host (`shipping` for
 * `URN:EPCGLOBAL:cbv:bizstep:shipping` and for `HTTPS://REF.GS1.ORG/cbv/BizStep-shipping`; a word
 * of one's own after such a prefix as well); else the value as written. A case slip is not read as
 * the word: `Shipping` stays `Shipping`, `urn:epcglobal:cbv:bizstep:SHIPPING` is `SHIPPING`,
 * `…/cbv/bizstep-shipping` stays as written. What the chain checks read as the business step and
 * disposition.
 */
export function cbvWord(vocab: CbvVocabulary, value: string): string {
  if (vocab.words.has(value)) return value;
  // the URN and the web URI as CBV 2.0 writes them, without reading them case by case
  const urn = vocab.urnPrefix;
  if (urn !== undefined && value.length > urn.length && value.startsWith(urn))
    return value.slice(urn.length);
  const web = vocab.webPath === undefined ? undefined : `${CBV_WEB_HOST}${vocab.webPath}`;
  if (web !== undefined && value.length > web.length && value.startsWith(web))
    return value.slice(web.length);
  const r = readCbvUri(vocab, value);
  return r?.exact ? r.word : value;
}

/**
 * Whether a value is accepted as it stands (strict mode): a bare word of the vocabulary, or a
 * URI outside the CBV namespace (the GS1 Web Vocabulary's, for the vocabularies that say so). The
 * namespaces are matched with the scheme, NID and host in any case, and a CBV 2.0 web URI
 * (`https://ref.gs1.org/cbv/BizStep-shipping`, scheme and host in any case) is accepted only as
 * written: with a case slip in its path or word (`…/cbv/bizstep-shipping`, `…/BizStep-Shipping`)
 * it is a misspelt CBV value, not a URI of another namespace.
 */
export function vocabularyAccepts(vocab: CbvVocabulary, value: string): boolean {
  if (vocab.words.has(value)) return true;
  if (vocab.nonGs1WebVoc) return isUri(value) && !GS1_WEB_VOC_NAMESPACE.test(value);
  if (!isUri(value) || CBV_NAMESPACE.test(value)) return false;
  const r = readCbvUri(vocab, value);
  if (r === undefined || (r.exact && vocab.words.has(r.word))) return true;
  // a word of the vocabulary in another case is a case slip; any other word is a URI of its own
  return !vocab.byLowerCase.has(r.word.toLowerCase());
}
