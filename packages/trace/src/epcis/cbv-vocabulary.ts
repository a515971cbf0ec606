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
  /** Whether a URI value must avoid the GS1 Web Vocabulary namespace instead of the CBV one. */
  readonly nonGs1WebVoc?: boolean;
  readonly list: string;
}

function vocabulary(
  name: string,
  words: readonly string[],
  extra: { urnPrefix?: string; nonGs1WebVoc?: boolean } = {},
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
  { urnPrefix: 'urn:epcglobal:cbv:bizstep:' },
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
  { urnPrefix: 'urn:epcglobal:cbv:disp:' },
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
  { urnPrefix: 'urn:epcglobal:cbv:btt:' },
);

export const SOURCE_DEST_TYPES = vocabulary(
  'source/destination type',
  ['owning_party', 'possessing_party', 'location'],
  { urnPrefix: 'urn:epcglobal:cbv:sdt:' },
);

export const ERROR_REASONS = vocabulary('error reason', ['did_not_occur', 'incorrect_data'], {
  urnPrefix: 'urn:epcglobal:cbv:er:',
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

export const COMPONENTS = vocabulary('component', [
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
]);

export const ACTIONS = vocabulary('action', ['OBSERVE', 'ADD', 'DELETE']);

/** `vocab-other-uri` of the schema: a URI that is not in the CBV namespaces. */
export const CBV_NAMESPACE = /^(?:urn:epcglobal:cbv|https?:\/\/ns\.gs1\.org\/cbv\/)/;
/** `vocab-nonGS1WebVoc-uri`: a URI that is not in the GS1 Web Vocabulary. */
export const GS1_WEB_VOC_NAMESPACE = /^https?:\/\/(?:www\.)?gs1\.org\/voc\//;

/**
 * Whether a value is accepted as it stands (strict mode): a bare word of the vocabulary, or a
 * URI outside the CBV namespace (the GS1 Web Vocabulary's, for the vocabularies that say so).
 */
export function vocabularyAccepts(vocab: CbvVocabulary, value: string): boolean {
  if (vocab.words.has(value)) return true;
  const forbidden = vocab.nonGs1WebVoc ? GS1_WEB_VOC_NAMESPACE : CBV_NAMESPACE;
  return isUri(value) && !forbidden.test(value);
}
