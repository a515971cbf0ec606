/**
 * TypeScript types of EPCIS 2.0 documents and events as JSON / JSON-LD, following the ratified
 * EPCIS 2.0.1 JSON Schema (`https://ref.gs1.org/standards/epcis/2.0.1/epcis-json-schema.json`).
 *
 * These types describe the *shape after validation*: {@link parseEpcisDocument} and
 * {@link validateEpcisDocument} return values of these types only when the input conforms.
 * Extension members (`prefix:localName` keys declared in `@context`, or full URIs) are allowed on
 * most objects, hence the index signatures typed `unknown`.
 *
 * @module
 */

/** A URI (URN, `https://…` Digital Link, CURIE such as `ex:thing`). */
export type EpcisUri = string;

/** An ISO 8601 date-time with a time zone, e.g. `2005-04-03T20:33:31.116-06:00`. */
export type EpcisDateTime = string;

/** A time-zone offset `±hh:mm` between `-14:00` and `+14:00`. */
export type EpcisTimeZoneOffset = string;

/** Extension members: `prefix:localName` or URI keys with any JSON value. */
export interface EpcisExtensions {
  readonly [extension: string]: unknown;
}

/** The `@context` of a JSON-LD document or event: a URI, an object, or an array of them. */
export type EpcisContext =
  | string
  | Readonly<Record<string, unknown>>
  | readonly (string | Readonly<Record<string, unknown>>)[];

/** The five EPCIS 2.0 event types. */
export const EPCIS_EVENT_TYPES = [
  'ObjectEvent',
  'AggregationEvent',
  'TransactionEvent',
  'TransformationEvent',
  'AssociationEvent',
] as const;

/** One of the five standard event type names. */
export type EpcisEventType = (typeof EPCIS_EVENT_TYPES)[number];

/** The `action` of an Object, Aggregation, Transaction or Association event. */
export type EpcisAction = 'ADD' | 'OBSERVE' | 'DELETE';

/** CBV 2.0 business steps (bare words). Any other URI (not in the CBV namespaces) is also valid. */
export type CbvBizStep =
  | 'accepting'
  | 'arriving'
  | 'assembling'
  | 'collecting'
  | 'commissioning'
  | 'consigning'
  | 'creating_class_instance'
  | 'cycle_counting'
  | 'decommissioning'
  | 'departing'
  | 'destroying'
  | 'disassembling'
  | 'dispensing'
  | 'encoding'
  | 'entering_exiting'
  | 'holding'
  | 'inspecting'
  | 'installing'
  | 'killing'
  | 'loading'
  | 'other'
  | 'packing'
  | 'picking'
  | 'receiving'
  | 'removing'
  | 'repackaging'
  | 'repairing'
  | 'replacing'
  | 'reserving'
  | 'retail_selling'
  | 'shipping'
  | 'staging_outbound'
  | 'stock_taking'
  | 'stocking'
  | 'storing'
  | 'transporting'
  | 'unloading'
  | 'unpacking'
  | 'void_shipping'
  | 'sensor_reporting'
  | 'sampling';

/** CBV 2.0 dispositions (bare words). */
export type CbvDisposition =
  | 'active'
  | 'container_closed'
  | 'damaged'
  | 'destroyed'
  | 'dispensed'
  | 'disposed'
  | 'encoded'
  | 'expired'
  | 'in_progress'
  | 'in_transit'
  | 'inactive'
  | 'no_pedigree_match'
  | 'non_sellable_other'
  | 'partially_dispensed'
  | 'recalled'
  | 'reserved'
  | 'retail_sold'
  | 'returned'
  | 'sellable_accessible'
  | 'sellable_not_accessible'
  | 'stolen'
  | 'unknown'
  | 'available'
  | 'completeness_verified'
  | 'completeness_inferred'
  | 'conformant'
  | 'container_open'
  | 'mismatch_instance'
  | 'mismatch_class'
  | 'mismatch_quantity'
  | 'needs_replacement'
  | 'non_conformant'
  | 'unavailable';

/** CBV 2.0 business transaction types (bare words). */
export type CbvBizTransactionType =
  | 'bol'
  | 'cert'
  | 'desadv'
  | 'inv'
  | 'pedigree'
  | 'po'
  | 'poc'
  | 'prodorder'
  | 'recadv'
  | 'rma'
  | 'testprd'
  | 'testres'
  | 'upevt';

/** CBV 2.0 source/destination types (bare words). */
export type CbvSourceDestType = 'owning_party' | 'possessing_party' | 'location';

/** CBV 2.0 error reasons (bare words). */
export type CbvErrorReason = 'did_not_occur' | 'incorrect_data';

/** CBV 2.0 sensor alert types. */
export type CbvSensorAlertType = 'ALARM_CONDITION' | 'ERROR_CONDITION';

/** A bare CBV word or a URI outside the CBV namespaces. `(string & {})` keeps autocompletion. */
export type CbvOrUri<W extends string> = W | (string & {});

/** A quantity of a class of objects (`epcClass`, e.g. an LGTIN), with a UN/CEFACT Rec 20 unit. */
export interface QuantityElement {
  readonly epcClass: EpcisUri;
  /** A decimal; negative values are reported by the event rules (`TRACE_NEGATIVE_QUANTITY`). */
  readonly quantity?: number;
  /** UN/CEFACT Recommendation 20 code, 2–3 upper-case letters or digits, e.g. `KGM`. */
  readonly uom?: string;
}

/** A business transaction (purchase order, invoice, despatch advice…). */
export interface BizTransaction {
  readonly type?: CbvOrUri<CbvBizTransactionType>;
  readonly bizTransaction: EpcisUri;
}

/** A source of a transfer (owning/possessing party or location). */
export interface SourceElement {
  readonly type: CbvOrUri<CbvSourceDestType>;
  readonly source: EpcisUri;
}

/** A destination of a transfer (owning/possessing party or location). */
export interface DestinationElement {
  readonly type: CbvOrUri<CbvSourceDestType>;
  readonly destination: EpcisUri;
}

/** Either a source or a destination element. */
export type SourceDest = SourceElement | DestinationElement;

/** The read point or business location of an event; may carry extensions. */
export interface EpcisLocation extends EpcisExtensions {
  readonly id: EpcisUri;
}

/** Read point (where the event was observed). */
export type ReadPoint = EpcisLocation;
/** Business location (where the objects are after the event). */
export type BizLocation = EpcisLocation;

/** Dispositions that persist until unset (EPCIS 2.0). At least one of `set`/`unset`. */
export interface PersistentDisposition {
  readonly set?: readonly CbvOrUri<CbvDisposition>[];
  readonly unset?: readonly CbvOrUri<CbvDisposition>[];
}

/** An error declaration: this event is declared erroneous at `declarationTime`. */
export interface ErrorDeclaration extends EpcisExtensions {
  readonly declarationTime: EpcisDateTime;
  readonly reason?: CbvOrUri<CbvErrorReason>;
  readonly correctiveEventIDs?: readonly EpcisUri[];
}

/** Metadata shared by the reports of one sensor element. */
export interface SensorMetadata extends EpcisExtensions {
  readonly time?: EpcisDateTime;
  readonly deviceID?: EpcisUri;
  readonly deviceMetadata?: EpcisUri;
  readonly rawData?: EpcisUri;
  readonly startTime?: EpcisDateTime;
  readonly endTime?: EpcisDateTime;
  readonly dataProcessingMethod?: EpcisUri;
  readonly bizRules?: EpcisUri;
}

/** One sensor reading (or a statistic over readings). */
export interface SensorReport extends EpcisExtensions {
  /** A GS1 Web Vocabulary measurement type (e.g. `Temperature`) or a non-GS1 URI. */
  readonly type: string;
  readonly exception?: CbvOrUri<CbvSensorAlertType>;
  readonly deviceID?: EpcisUri;
  readonly deviceMetadata?: EpcisUri;
  readonly rawData?: EpcisUri;
  readonly dataProcessingMethod?: EpcisUri;
  readonly bizRules?: EpcisUri;
  /** When this reading was taken; later than `eventTime` is `TRACE_SENSOR_TIME_AFTER_EVENT`. */
  readonly time?: EpcisDateTime;
  readonly microorganism?: EpcisUri;
  readonly chemicalSubstance?: EpcisUri;
  readonly coordinateReferenceSystem?: EpcisUri;
  readonly value?: number;
  readonly component?: string;
  readonly stringValue?: string;
  readonly booleanValue?: boolean;
  readonly hexBinaryValue?: string;
  readonly uriValue?: EpcisUri;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly meanValue?: number;
  readonly sDev?: number;
  readonly percRank?: number;
  readonly percValue?: number;
  /** UN/CEFACT Rec 20 unit of the values, e.g. `CEL`. */
  readonly uom?: string;
}

/** A sensor element: optional metadata and at least one report. */
export interface SensorElement extends EpcisExtensions {
  readonly sensorMetadata?: SensorMetadata;
  readonly sensorReport: readonly SensorReport[];
}

/** Instance/lot master data (ILMD): extension members only, keys are CURIEs or URIs. */
export interface Ilmd extends EpcisExtensions {}

/** The members every event type has. */
export interface EpcisEventBase extends EpcisExtensions {
  readonly '@context'?: EpcisContext;
  readonly type: string;
  readonly eventTime: EpcisDateTime;
  readonly eventTimeZoneOffset: EpcisTimeZoneOffset;
  readonly recordTime?: EpcisDateTime;
  readonly eventID?: EpcisUri;
  readonly certificationInfo?: EpcisUri | readonly EpcisUri[];
  readonly errorDeclaration?: ErrorDeclaration;
  readonly bizStep?: CbvOrUri<CbvBizStep>;
  readonly disposition?: CbvOrUri<CbvDisposition>;
  readonly persistentDisposition?: PersistentDisposition;
  readonly readPoint?: ReadPoint;
  readonly bizLocation?: BizLocation;
  readonly bizTransactionList?: readonly BizTransaction[];
  readonly sourceList?: readonly SourceElement[];
  readonly destinationList?: readonly DestinationElement[];
  readonly sensorElementList?: readonly SensorElement[];
}

/** Objects observed, created (ADD) or retired (DELETE): by instance (`epcList`) or by class. */
export interface ObjectEvent extends EpcisEventBase {
  readonly type: 'ObjectEvent';
  readonly action: EpcisAction;
  readonly epcList?: readonly EpcisUri[];
  readonly quantityList?: readonly QuantityElement[];
  /** Only with `action: 'ADD'`. */
  readonly ilmd?: Ilmd;
}

/** Children packed into (ADD), seen in (OBSERVE) or unpacked from (DELETE) a parent. */
export interface AggregationEvent extends EpcisEventBase {
  readonly type: 'AggregationEvent';
  readonly action: EpcisAction;
  /** Required for ADD and DELETE (rule `TRACE_AGGREGATION_PARENT_MISSING`). */
  readonly parentID?: EpcisUri;
  readonly childEPCs?: readonly EpcisUri[];
  readonly childQuantityList?: readonly QuantityElement[];
}

/** Objects linked to (or unlinked from) one or more business transactions. */
export interface TransactionEvent extends EpcisEventBase {
  readonly type: 'TransactionEvent';
  readonly action: EpcisAction;
  readonly bizTransactionList: readonly BizTransaction[];
  readonly parentID?: EpcisUri;
  readonly epcList?: readonly EpcisUri[];
  readonly quantityList?: readonly QuantityElement[];
}

/** Inputs consumed and outputs produced (processing, mixing, cutting…). */
export interface TransformationEvent extends EpcisEventBase {
  readonly type: 'TransformationEvent';
  readonly inputEPCList?: readonly EpcisUri[];
  readonly inputQuantityList?: readonly QuantityElement[];
  readonly outputEPCList?: readonly EpcisUri[];
  readonly outputQuantityList?: readonly QuantityElement[];
  readonly transformationID?: EpcisUri;
  readonly ilmd?: Ilmd;
}

/** Assets associated with (or dissociated from) a parent asset, e.g. a sensor on a pallet. */
export interface AssociationEvent extends EpcisEventBase {
  readonly type: 'AssociationEvent';
  readonly action: EpcisAction;
  readonly parentID: EpcisUri;
  readonly childEPCs?: readonly EpcisUri[];
  readonly childQuantityList?: readonly QuantityElement[];
}

/** Any of the five standard EPCIS 2.0 events (discriminated by `type`). */
export type EpcisEvent =
  | ObjectEvent
  | AggregationEvent
  | TransactionEvent
  | TransformationEvent
  | AssociationEvent;

/** A master-data attribute of a vocabulary element. */
export interface VocabularyAttribute extends EpcisExtensions {
  readonly id: EpcisUri;
  readonly attribute?: unknown;
}

/** A master-data element (a location, a party, a product class…). */
export interface VocabularyElement extends EpcisExtensions {
  readonly id: EpcisUri;
  readonly attributes?: readonly VocabularyAttribute[];
  readonly children?: readonly EpcisUri[];
}

/** A master-data vocabulary, e.g. `urn:epcglobal:epcis:vtype:BusinessLocation`. */
export interface Vocabulary extends EpcisExtensions {
  readonly type: EpcisUri;
  readonly vocabularyElementList?: readonly VocabularyElement[];
}

/** The optional header of an EPCIS document (master data). */
export interface EpcisHeader extends EpcisExtensions {
  readonly epcisMasterData?: { readonly vocabularyList?: readonly Vocabulary[] };
}

/** An `EPCISDocument` (capture). */
export interface EpcisCaptureDocument extends EpcisExtensions {
  readonly '@context': EpcisContext;
  readonly type: 'EPCISDocument';
  readonly id?: EpcisUri;
  readonly schemaVersion: string;
  readonly creationDate: EpcisDateTime;
  readonly instanceIdentifier?: string;
  readonly sender?: string;
  readonly receiver?: string;
  readonly epcisHeader?: EpcisHeader;
  readonly epcisBody: { readonly eventList: readonly EpcisEvent[] };
}

/** The results of a query inside an `EPCISQueryDocument`. */
export interface EpcisQueryResults extends EpcisExtensions {
  readonly queryName: string;
  readonly subscriptionID?: string;
  readonly resultsBody: {
    readonly eventList: readonly EpcisEvent[];
    readonly vocabularyList?: readonly Vocabulary[];
  };
}

/** An `EPCISQueryDocument` (query results). */
export interface EpcisQueryDocument extends EpcisExtensions {
  readonly '@context': EpcisContext;
  readonly type: 'EPCISQueryDocument';
  readonly id?: EpcisUri;
  readonly schemaVersion?: string;
  readonly creationDate?: EpcisDateTime;
  /**
   * Not in the 2.0.1 schema for query documents; accepted (with a warning) in lenient mode
   * because real systems send master data here.
   */
  readonly epcisHeader?: EpcisHeader;
  readonly epcisBody: { readonly queryResults: EpcisQueryResults };
}

/** Either EPCIS document type. */
export type EpcisDocument = EpcisCaptureDocument | EpcisQueryDocument;

/** The event list of a document, whichever its type. */
export function documentEvents(document: EpcisDocument): readonly EpcisEvent[] {
  return document.type === 'EPCISDocument'
    ? document.epcisBody.eventList
    : document.epcisBody.queryResults.resultsBody.eventList;
}

/** Whether an event has an `action` member (all but TransformationEvent). */
export function hasAction(
  event: EpcisEvent,
): event is ObjectEvent | AggregationEvent | TransactionEvent | AssociationEvent {
  return event.type !== 'TransformationEvent';
}
