/**
 * Personal data at rest (手机号、身份证号): SM4-CBC with a random IV per value, plus an HMAC-SM3 "mac"
 * of the normalized value so equality lookups work without decrypting. Keys are derived from FIELD_KEY.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface FieldCrypto {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  mac(plain: string): string;
}

export function createFieldCrypto(masterKeyHex: string): FieldCrypto {
  const master = Buffer.from(masterKeyHex, 'hex');
  const derive = (label: string) => createHmac('sm3', master).update(label).digest();
  const encKey = derive('skillcert-field-encryption').subarray(0, 16);
  const macKey = derive('skillcert-field-mac');
  return {
    encrypt(plain) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('sm4-cbc', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `sm4:${iv.toString('base64')}:${body.toString('base64')}`;
    },
    decrypt(stored) {
      const [scheme, ivB64, bodyB64] = stored.split(':');
      if (scheme !== 'sm4' || !ivB64 || !bodyB64) throw new Error('unknown field encryption scheme');
      const decipher = createDecipheriv('sm4-cbc', encKey, Buffer.from(ivB64, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(bodyB64, 'base64')), decipher.final()]).toString(
        'utf8',
      );
    },
    mac: (plain) => createHmac('sm3', macKey).update(plain.trim()).digest('hex'),
  };
}
