/** Password hashing with argon2id; costs come from configuration so tests can use cheap ones. */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { AppConfig } from '../config';

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(hashed: string, password: string): Promise<boolean>;
  /**
   * A hash of a random secret at the configured cost, made once: a login for an unknown name verifies
   * against it, so it costs as much as a login for an existing one and its timing reveals nothing.
   */
  dummyHash(): Promise<string>;
};

export function createPasswordHasher(cost: AppConfig['argon2']): PasswordHasher {
  const hashPassword = (password: string) => hash(password, { ...cost, algorithm: 2 /* Argon2id */ });
  let dummy: Promise<string> | undefined;
  return {
    hash: hashPassword,
    verify: async (hashed, password) => {
      try {
        return await verify(hashed, password);
      } catch {
        return false;
      }
    },
    dummyHash: () => (dummy ??= hashPassword(randomBytes(24).toString('base64url'))),
  };
}
