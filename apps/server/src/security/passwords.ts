/** Password hashing with argon2id; costs come from configuration so tests can use cheap ones. */
import { hash, verify } from '@node-rs/argon2';
import type { AppConfig } from '../config';

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(hashed: string, password: string): Promise<boolean>;
};

export function createPasswordHasher(cost: AppConfig['argon2']): PasswordHasher {
  return {
    hash: (password) => hash(password, { ...cost, algorithm: 2 /* Argon2id */ }),
    verify: async (hashed, password) => {
      try {
        return await verify(hashed, password);
      } catch {
        return false;
      }
    },
  };
}
