/** Organizations, accounts and sessions (机构、账号、会话). */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { ORGANIZATION_MACHINE, type OrganizationState } from '@skillcert/domain';

/** 申报单位 / 评价机构. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull().unique(),
    /** enterprise | school | other */
    kind: text('kind').notNull(),
    registrationType: text('registration_type').notNull(),
    cityCode: text('city_code').notNull(),
    countyCode: text('county_code').notNull(),
    address: text('address'),
    isAboveScale: boolean('is_above_scale').notNull().default(false),
    contactName: text('contact_name').notNull(),
    contactPhoneEnc: text('contact_phone_enc').notNull(),
    contactPhoneMac: text('contact_phone_mac').notNull(),
    licenceFileId: uuid('licence_file_id'),
    /** ORGANIZATION_MACHINE: pending (待激活) | active | disabled */
    status: text('status').$type<OrganizationState>().notNull().default('pending'),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('organizations_city_status_idx').on(t.cityCode, t.status),
    check('organizations_status_check', sql.raw(ORGANIZATION_MACHINE.checkSql('status'))),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    /** Staff of a city (市州) — null for province staff, admins and applicants. */
    cityCode: text('city_code'),
    organizationId: uuid('organization_id'),
    isOrgAdmin: boolean('is_org_admin').notNull().default(false),
    phoneEnc: text('phone_enc'),
    phoneMac: text('phone_mac'),
    /** Work mailbox for e-mail notifications (每日提醒); optional, accounts without one get none. */
    email: text('email'),
    idNumberEnc: text('id_number_enc'),
    idNumberMac: text('id_number_mac'),
    /** active | disabled */
    status: text('status').notNull().default('active'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('users_org_idx').on(t.organizationId), index('users_role_city_idx').on(t.role, t.cityCode)],
);

/** Server-side sessions, so several server instances can share them. The id stored is a hash of the cookie. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Hashes of an account's previous passwords (口令历史), newest first: a new password may not repeat the
 * current one or these (PASSWORD_HISTORY_DEPTH in the domain's password policy); older rows are pruned.
 */
export const passwordHistory = pgTable(
  'password_history',
  {
    /** Insertion order: newest is highest, also when two changes share an instant. */
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').notNull(),
    passwordHash: text('password_hash').notNull(),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.id)],
);

/** Uploaded files: content in the storage adapter, facts here. */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storageKey: text('storage_key').notNull(),
    originalName: text('original_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The orphan sweep asks, key by key, whether a row references stored content.
  (t) => [index('stored_files_storage_key_idx').on(t.storageKey)],
);

/**
 * Stored content that no row referenced when the orphan sweep last looked, since when (by the app's
 * clock, not the storage's): removed once it has stayed unreferenced for the grace period.
 */
export const unreferencedFiles = pgTable('unreferenced_files', {
  storageKey: text('storage_key').primaryKey(),
  firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
});

/**
 * A user's second factor (TOTP). The secret is SM4-encrypted like other personal data; `enabledAt` is
 * null until the user proved the authenticator with a first code. `lastStep` is the last accepted time
 * step, so a code works once. Recovery codes are stored only as HMAC-SM3 digests and crossed out on use.
 */
export const userSecondFactors = pgTable('user_second_factors', {
  userId: uuid('user_id').primaryKey(),
  secretEnc: text('secret_enc').notNull(),
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  lastStep: bigint('last_step', { mode: 'number' }),
  recoveryCodeMacs: jsonb('recovery_code_macs').$type<string[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
