import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { AppError } from '../../contract/errors';
import type { KeyStore } from './keyStore';

/**
 * The part of Electron's `safeStorage` this store uses. The main process
 * passes Electron's object in; the core never imports `electron`.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keyring, i.e. no real protection. */
  getSelectedStorageBackend?(): string;
}

/**
 * The desktop app's store: secrets wrapped by the OS through Electron
 * safeStorage (Keychain, DPAPI, libsecret/kwallet), kept wrapped in a file.
 * Refuses Linux's `basic_text` backend, which is a hard-coded password and
 * so a plaintext fallback in disguise.
 */
export class SafeStorageKeyStore implements KeyStore {
  readonly kind = 'safe-storage';

  constructor(
    private readonly file: string,
    private readonly safeStorage: SafeStorageLike,
  ) {}

  async load(name: string): Promise<Buffer | null> {
    await Promise.resolve();
    const wrapped = this.read()[name];
    if (wrapped === undefined) return null;
    this.assertAvailable();
    const text = this.safeStorage.decryptString(Buffer.from(wrapped, 'base64'));
    return Buffer.from(text, 'base64');
  }

  async save(name: string, key: Buffer): Promise<void> {
    await Promise.resolve();
    this.assertAvailable();
    const wrapped = this.safeStorage.encryptString(key.toString('base64'));
    this.write({ ...this.read(), [name]: wrapped.toString('base64') });
  }

  async remove(name: string): Promise<void> {
    await Promise.resolve();
    const rest = Object.entries(this.read()).filter(([k]) => k !== name);
    this.write(Object.fromEntries(rest));
  }

  private assertAvailable(): void {
    const backend = this.safeStorage.getSelectedStorageBackend?.();
    if (!this.safeStorage.isEncryptionAvailable() || backend === 'basic_text') {
      throw new AppError(
        'keychain_unavailable',
        'The system keychain is not available to protect the database key.',
      );
    }
  }

  private read(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Record<
        string,
        string
      >;
    } catch (error) {
      throw new AppError('db_corrupt', 'The key file is damaged.', {
        cause: error,
      });
    }
  }

  private write(all: Record<string, string>): void {
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(all, null, 2), { mode: 0o600 });
    renameSync(temp, this.file);
  }
}
