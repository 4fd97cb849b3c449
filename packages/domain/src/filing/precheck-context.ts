/**
 * 预检上下文 (PrecheckContext): everything R1–R9 need, gathered by the server from the database and the
 * round's snapshot. The rules themselves read nothing else, so they stay pure and a test can state a
 * whole situation as one literal.
 */
import type { RegistrationType } from '../credit-code';
import type { RestrictionReview } from '../qualification-restriction';
import type { FilingMode, OrganizationKind } from './filing-mode';
import type { MaterialSlot } from './material-slots';
import type { DishonestyListing } from './serious-dishonesty';

export type OrganizationStatus = 'pending' | 'active' | 'disabled';

export interface PrecheckOrganization {
  kind: OrganizationKind;
  /** pending until the city centre activates the account. */
  status: OrganizationStatus;
  creditCode: string;
  /** Stored hint from the credit code; when null R1 derives it again. */
  registrationType: RegistrationType | null;
  /** The chosen city (authoritative, docs/domain.md §3); '430000' is the pseudo-city 省直. */
  cityCode: string;
  countyCode: string | null;
  /** 规模以上企业 (R2). */
  isAboveScale: boolean;
  /**
   * The unit's entries (by credit code) in the imported 严重失信主体名单, in force or not: R1 (社会信用良好)
   * decides which are in force on `today`.
   */
  dishonestyListings: readonly DishonestyListing[];
}

/** 技工院校 / 职业院校 / 高等院校（应用型学科）/ 其它. */
export type SchoolType = 'technical' | 'vocational' | 'higher_applied' | 'other';

export const SCHOOL_TYPE_LABELS: Readonly<Record<SchoolType, string>> = {
  technical: '技工院校',
  vocational: '职业院校',
  higher_applied: '高等院校（应用型学科）',
  other: '其它院校',
};

/** Facts the applicant declares in the wizard (judged by reviewers; R2 only checks they are declared). */
export interface PrecheckFacts {
  schoolType?: SchoolType;
  businessScope?: string;
  majors?: string;
  hasEvaluationExperience?: boolean;
  mainDutyIsTrainingOrEvaluation?: boolean;
  fieldInfluence?: string;
  fullTimeStaff?: number;
  experts?: number;
}

export interface PrecheckScopeItem {
  occupationCode: string;
  /** 工种; '' when the occupation itself is requested. */
  jobName: string;
  mode: FilingMode;
  /** SkillLevel ids ('level5' …); labels such as '五级/初级工' are read too. */
  levels: readonly string[];
  /** Hunan industrial chains the item serves (admin dictionary ids). */
  chainIds: readonly number[];
  localIndustry?: string;
  localIndustryJustification?: string;
  /** Link to the unit's main business or majors (通知第二条第一款). */
  businessLink?: string;
  /** Why an occupation outside 第六大类 is requested. */
  categoryJustification?: string;
  /**
   * What the applicant says of its self-evaluation of the occupation (filing, batches carried out), for
   * reviewers; no rule requires it (R8: social may be applied for together with self-evaluation).
   */
  selfEvaluationEvidence?: string;
}

export type OccupationLevel = 'major' | 'middle' | 'minor' | 'occupation';

export interface PrecheckOccupation {
  name: string;
  /** 大类 / 中类 / 小类 / 职业 of the 大典; only 职业 can be filed. */
  level: OccupationLevel;
  /** 1–8 (大典第一至第八大类). */
  majorCategory: number;
  restrictedByQualification: boolean;
  restrictionReview: RestrictionReview;
}

export interface PrecheckStandard {
  /** Levels recorded for the standard; null = 待核对, taken as 五级…一级 (R4). */
  levels: readonly string[] | null;
  title: string;
}

/**
 * R7: bodies (distinct credit codes) filed for 社会评价 of an occupation (工种), status 已备案, other than
 * the applicant, in its city and in the province.
 */
export interface FiledCounts {
  city: number;
  province: number;
}

/** One of the applicant's filings in force (status 已备案), imported or confirmed earlier. */
export interface OwnFiling {
  occupationCode: string;
  mode: FilingMode;
  /** Self-evaluation has actually been carried out (R2: "已…开展自主评价"). */
  selfEvaluationCarriedOut: boolean;
}

export type ShortagePolicy = 'warn' | 'refuse';

/** The round's policies, snapshotted when the round opened (docs/domain.md §2 [policy]). */
export interface PrecheckRound {
  /** A city with this many filed bodies or more for the occupation is not short (R7). */
  fewThreshold: number;
  shortagePolicy: ShortagePolicy;
  materialSlots: readonly MaterialSlot[];
}

export interface PrecheckContext {
  /** The day of the check (YYYY-MM-DD, Asia/Shanghai): R1 reads listing periods against it. */
  today: string;
  organization: PrecheckOrganization;
  facts: PrecheckFacts;
  scopeItems: readonly PrecheckScopeItem[];
  /** Keyed by occupation code; undefined = not in the catalogue. */
  occupations: Record<string, PrecheckOccupation | undefined>;
  /** Keyed by occupation code; undefined or [] = no national standard on file. */
  standards: Record<string, PrecheckStandard[] | undefined>;
  activeChainIds: readonly number[];
  /** Keyed by shortageKey(occupationCode, jobName) (rules/r7-local-shortage.ts); undefined = none. */
  filedCounts: Record<string, FiledCounts | undefined>;
  /** The round's targeted shortage occupations in the applicant's city ([] = the round names none). */
  targetedOccupationCodes: readonly string[];
  /** The applicant's filings in force: R2 reads its provincial self-evaluation filings from them. */
  ownFilings: readonly OwnFiling[];
  round: PrecheckRound;
  /** Number of current (not superseded) files per slot. */
  materials: Record<string, number | undefined>;
  /** Defaults to LEGAL_ENTITY_PROOF_SLOT_KEY. */
  legalEntityProofSlotKey?: string;
}
