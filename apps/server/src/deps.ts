import type { AppConfig } from './config';
import type { Clock } from './clock';
import type { Database, Db } from './db/client';
import { createFieldCrypto, type FieldCrypto } from './security/field-crypto';
import { createPasswordHasher, type PasswordHasher } from './security/passwords';
import { createLocalFileStorage, type FileStorage } from './adapters/file-storage';
import { createS3FileStorage } from './adapters/s3-file-storage';
import { loggingMailer, withRetries, type Mailer } from './adapters/mailer';
import { createSmtpMailer } from './adapters/smtp-mailer';
import path from 'node:path';

/** What the HTTP layer hands to use cases. Use cases name the narrow parts they need. */
export interface AppDeps {
  config: AppConfig;
  database: Database;
  db: Db;
  clock: Clock;
  passwords: PasswordHasher;
  fieldCrypto: FieldCrypto;
  storage: FileStorage;
  mailer: Mailer;
}

export function createDeps(config: AppConfig, database: Database, clock: Clock): AppDeps {
  return {
    config,
    database,
    db: database.db,
    clock,
    passwords: createPasswordHasher(config.argon2),
    fieldCrypto: createFieldCrypto(config.fieldKeyHex),
    storage: config.s3
      ? createS3FileStorage(config.s3)
      : createLocalFileStorage(config.filesDir ?? path.join(config.dataDir, 'files')),
    // SMTP when configured, else the log; sends never throw (bounded retries, then a log line).
    mailer: withRetries(config.smtp ? createSmtpMailer(config.smtp) : loggingMailer),
  };
}

/** Who asked, from where: recorded in every audit entry. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}
