/** Shapes of the API answers the web reads (apps/web only; the server may carry more fields). */
import type { Role } from '@skillcert/domain/roles';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  cityCode: string | null;
  cityName: string | null;
  organizationId: string | null;
  organizationName: string | null;
  organizationStatus: string | null;
  isOrgAdmin: boolean;
  mustChangePassword: boolean;
}

export interface SessionAnswer {
  user: Me;
  csrfToken: string;
}

export interface County {
  code: string;
  name: string;
}
export interface City {
  code: string;
  name: string;
  counties: County[];
}

export interface CreditCodeCheck {
  valid: boolean;
  inHunan: boolean;
  divisionCode: string | null;
  kindHint: string | null;
  errors: { code: string; message: string }[];
}

export interface WorkingDaysAnswer {
  start: string;
  days: number;
  end: string;
  skipped: { date: string; reason: string }[];
  /** 暂定: the span reaches a year whose holiday arrangement is not published yet. */
  provisional: boolean;
  provisionalReason: string | null;
}

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  cityCode: string | null;
  cityName: string | null;
  status: string;
  phoneMasked: string | null;
  email: string | null;
  locked: boolean;
  lastLoginAt: string | null;
  version: number;
}

export type OrgStatus = 'pending' | 'active' | 'disabled';
export type OrgKind = 'enterprise' | 'school' | 'other';

export interface Organization {
  id: string;
  name: string;
  creditCode: string;
  kind: OrgKind;
  kindLabel: string;
  cityCode: string;
  cityName: string;
  countyCode?: string;
  countyName: string;
  address?: string | null;
  isAboveScale?: boolean;
  status: OrgStatus;
  statusLabel: string;
  contactName: string;
  contactPhoneMasked: string;
  createdAt: string;
  activatedAt?: string | null;
  /** The business licence uploaded at registration (GET /api/organizations/:id/licence). */
  licenceFileId?: string | null;
  version: number;
  abilities: { activate: boolean };
}

export interface Colleague {
  id: string;
  username: string;
  displayName: string;
  isOrgAdmin: boolean;
  status?: string;
  phoneMasked?: string | null;
  lastLoginAt?: string | null;
}

export interface Occupation {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  markers: string[];
  restrictedByQualification: boolean;
  restrictionReview: string;
  hasChildren: boolean;
  standards?: SkillStandard[];
}

export interface SkillStandard {
  id: number;
  occupationCode: string;
  name: string;
  year: number;
  issuedBy?: string | null;
  codeEdition?: string;
  mappedOccupationCode: string | null;
  mappedOccupationName?: string | null;
  mappingStatus: string;
  levels: string[];
  levelsStatus: string;
  version: number;
}

export interface HolidayDay {
  date: string;
  name: string;
  isOffDay: boolean;
}
export interface HolidayYear {
  year: number;
  published: boolean;
  source?: string | null;
  days: HolidayDay[];
}

export interface Chain {
  id: number;
  name: string;
  description: string | null;
  isExample: boolean;
  active: boolean;
  source?: string | null;
  version: number;
}

export interface AuditEntry {
  id: string | number;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  ip: string | null;
  action: string;
  actionLabel: string;
  targetType: string | null;
  targetLabel: string | null;
  targetId: string | null;
  targetName: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  firstBrokenId: string | number | null;
  message: string;
}

export interface OnlineSession {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
}

export interface StatCard {
  key: string;
  label: string;
  value: number | string;
}
