/**
 * The API contract between the mini-program and the cloud functions.
 * A call is `callFunction({ name: <function>, data: { action, ...input } })` and always
 * answers an `ApiResult` (typings/errors.ts) — never a bare value, never undefined.
 */
import type { BookingView, BookSlotInput, ListReceptionsInput, ListReceptionsOutput, MyBookingsOutput } from './booking';
import type {
  CaseDetail,
  CaseRef,
  ListMyCasesInput,
  ListMyCasesOutput,
  RatingValue,
  RecordSubscriptionsOutput,
  SubmitCaseInput,
  SubscriptionTemplates,
  SubmitCaseOutput,
  SubscribeResults,
} from './case';
import type { DeputyLevel, GeoPoint, OpeningHours, StationKind, StationSector } from './models';

export interface NearbyStationsInput {
  latitude: number;
  longitude: number;
  /** Metres; default 5000, at most 50000. */
  maxDistance?: number;
  /** 0-based page of 20. */
  page?: number;
}

export interface StationSummary {
  id: string;
  code: string;
  name: string;
  kind: StationKind;
  sector?: StationSector;
  street: string;
  address: string;
  location: GeoPoint;
  /** Metres from the caller, present on nearby searches. */
  distance?: number;
  hours: OpeningHours[];
  /** Next scheduled reception day 'YYYY-MM-DD', if any in the coming 60 days. */
  nextReceptionDate?: string;
}

export interface NearbyStationsOutput {
  stations: StationSummary[];
  page: number;
  hasMore: boolean;
}

export interface SearchStationsInput {
  /** Words of a station's name, address, street or community (1–30 characters). */
  query: string;
  /**
   * Both or neither. With a position, matches come nearest first (within 50 km) with their
   * distance; without, in station-code order and without distance.
   */
  latitude?: number;
  longitude?: number;
  /** 0-based page of 20. */
  page?: number;
}

export interface GetStationInput {
  /** Either the station id or its door code (`scene`). */
  id?: string;
  code?: string;
}

export interface DeputyCard {
  id: string;
  name: string;
  level: DeputyLevel;
  delegation: string;
  occupation: string;
  photoUrl?: string;
}

export interface OfficerCard {
  id: string;
  name: string;
  phone: string;
}

export interface ReceptionCard {
  id: string;
  date: string;
  start: string;
  end: string;
  deputies: { id: string; name: string }[];
  officer?: OfficerCard;
}

/**
 * The station's handling figures (履职情况 on its wall). The cases submitted to the station
 * in `period`, each counted in its current state; counts only, nothing about any resident.
 * Rates are for the reader to take, always with their sample: 办结率 = closed ÷ received,
 * 满意率 = satisfied ÷ rated — and no rate at all when the sample is 0.
 */
export interface StationFigures {
  /**
   * The last 12 months in Shanghai calendar days, both ends included:
   * from the day after today's date a year ago (`from`) to today (`to`), 'YYYY-MM-DD'.
   */
  period: { from: string; to: string };
  /** Cases submitted in the period, except those the resident withdrew before acceptance. */
  received: number;
  /** Of those, closed (已办结) in any way: rated, closed by an officer, merged, closed after the quiet period. */
  closed: number;
  /** The resident rated the answer (a case closed without a rating is not rated). */
  rated: number;
  /** Rated 满意 or 基本满意 and closed on that rating; a case closed without rating never counts. */
  satisfied: number;
  /** Accepted (受理) by the deadline: the end of the 3rd Shanghai day after submission. */
  respondedInTime: number;
}

export interface StationDetail extends StationSummary {
  phone: string;
  district: string;
  community?: string;
  rules: string[];
  officers: OfficerCard[];
  deputies: DeputyCard[];
  receptions: ReceptionCard[];
  figures: StationFigures;
}

export interface WhoAmIOutput {
  openid: string;
  role: 'resident' | 'deputy' | 'officer' | 'admin';
}

/** Every function × action with its input and output, for the typed client. */
export interface ApiContract {
  station: {
    nearby: { input: NearbyStationsInput; output: NearbyStationsOutput };
    search: { input: SearchStationsInput; output: NearbyStationsOutput };
    get: { input: GetStationInput; output: StationDetail };
  };
  user: {
    whoami: { input: Record<string, never>; output: WhoAmIOutput };
  };
  case: {
    // resident
    submit: { input: SubmitCaseInput; output: SubmitCaseOutput };
    mine: { input: ListMyCasesInput; output: ListMyCasesOutput };
    /** Reading one's own case marks its timeline as read. */
    get: { input: { caseId: string }; output: CaseDetail };
    withdraw: { input: CaseRef & { reason?: string }; output: CaseDetail };
    supplement: { input: CaseRef & { note: string; photoFileIds?: string[] }; output: CaseDetail };
    rate: { input: CaseRef & { rating: RatingValue; comment?: string }; output: CaseDetail };
    reopen: { input: CaseRef & { reason: string }; output: CaseDetail };
    // liaison officer / deputy (their pages come with the workspace)
    accept: { input: CaseRef & { note?: string }; output: CaseDetail };
    reject: { input: CaseRef & { reason: string; referral: string }; output: CaseDetail };
    assign: { input: CaseRef & { deputyId: string; note?: string }; output: CaseDetail };
    start: { input: CaseRef & { note?: string }; output: CaseDetail };
    reply: { input: CaseRef & { content: string; photoFileIds?: string[] }; output: CaseDetail };
    close: { input: CaseRef & { note?: string }; output: CaseDetail };
  };
  subscription: {
    /** The template ids to request, so they live in one place (config/subscribe-templates.json). */
    templates: { input: Record<string, never>; output: SubscriptionTemplates };
    /** What the user answered to wx.requestSubscribeMessage; each accept allows one send. */
    record: { input: { results: SubscribeResults }; output: RecordSubscriptionsOutput };
  };
  reception: {
    list: { input: ListReceptionsInput; output: ListReceptionsOutput };
    book: { input: BookSlotInput; output: BookingView };
    cancel: { input: { bookingId: string }; output: BookingView };
    mine: { input: Record<string, never>; output: MyBookingsOutput };
  };
}

export type FunctionName = keyof ApiContract;
export type ActionName<F extends FunctionName> = keyof ApiContract[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = ApiContract[F][A] extends { input: infer I } ? I : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = ApiContract[F][A] extends { output: infer O } ? O : never;
