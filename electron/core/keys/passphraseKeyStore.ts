import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scryptSync,
} from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { AppError } from '../../contract/errors';
import type { KeyStore } from './keyStore';

/**
 * scrypt cost. N = 2^17, r = 8, p = 1 is OWASP's password-storage
 * recommendation (128 MiB, about half a second here); tests pass less.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

interface WrappedKey {
  kdf: 'scrypt';
  params: ScryptParams;
  salt: string;
  iv: string;
  tag: string;
  wrapped: string;
}

type KeyFile = Record<string, WrappedKey>;

/**
 * For machines without a keychain: each secret is wrapped (AES-256-GCM)
 * under a key derived from the clinician's passphrase with scrypt, and the
 * wrapped form is stored in a file. The passphrase itself lives only in
 * memory.
 */
export class PassphraseKeyStore implements KeyStore {
  readonly kind = 'passphrase';

  constructor(
    private readonly file: string,
    private readonly passphrase: string,
    private readonly params: ScryptParams = DEFAULT_SCRYPT,
  ) {
    if (passphrase.length < 8) {
      throw new AppError(
        'invalid_request',
        'The passphrase must be at least 8 characters.',
      );
    }
  }

  async load(name: string): Promise<Buffer | null> {
    await Promise.resolve();
    const entry = this.read()[name];
    return entry ? this.unwrap(entry) : null;
  }

  async save(name: string, key: Buffer): Promise<void> {
    await Promise.resolve();
    const all = this.read();
    all[name] = this.wrap(key);
    this.write(all);
  }

  async remove(name: string): Promise<void> {
    await Promise.resolve();
    const rest = Object.entries(this.read()).filter(([key]) => key !== name);
    this.write(Object.fromEntries(rest));
  }

  private derive(salt: Buffer, params: ScryptParams): Buffer {
    return scryptSync(this.passphrase.normalize('NFKC'), salt, 32, {
      ...params,
      maxmem: 256 * 1024 * 1024,
    });
  }

  private wrap(key: Buffer): WrappedKey {
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const cipher = createCipheriv(
      'aes-256-gcm',
      this.derive(salt, this.params),
      iv,
    );
    const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
    const b64 = (b: Buffer) => b.toString('base64');
    return {
      kdf: 'scrypt',
      params: this.params,
      salt: b64(salt),
      iv: b64(iv),
      tag: b64(cipher.getAuthTag()),
      wrapped: b64(wrapped),
    };
  }

  private unwrap(entry: WrappedKey): Buffer {
    const b = (s: string) => Buffer.from(s, 'base64');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.derive(b(entry.salt), entry.params),
      b(entry.iv),
    );
    decipher.setAuthTag(b(entry.tag));
    try {
      return Buffer.concat([
        decipher.update(b(entry.wrapped)),
        decipher.final(),
      ]);
    } catch (error) {
      throw new AppError('unauthorized', 'The passphrase is not correct.', {
        cause: error,
      });
    }
  }

  private read(): KeyFile {
    if (!existsSync(this.file)) return {};
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as KeyFile;
    } catch (error) {
      throw new AppError('db_corrupt', 'The key file is damaged.', {
        cause: error,
      });
    }
  }

  private write(all: KeyFile): void {
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(all, null, 2), { mode: 0o600 });
    renameSync(temp, this.file);
  }
}
