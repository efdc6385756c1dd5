import { createHash } from 'node:crypto';
import { AppError } from '../../contract/errors';
import { log } from '../log/logger';
import type { KeyStore } from './keyStore';

const SERVICE = 'Hushnote';

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(
    service: string,
    account: string,
    password: string,
  ): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/**
 * The OS keychain through keytar (libsecret on Linux, Keychain on macOS,
 * Credential Vault on Windows). Accounts are scoped by data folder, so two
 * installs (or test runs) never share a key.
 */
export class KeytarKeyStore implements KeyStore {
  readonly kind = 'keychain';
  private readonly scope: string;

  constructor(dataDir: string) {
    this.scope = createHash('sha256')
      .update(dataDir)
      .digest('hex')
      .slice(0, 16);
  }

  async load(name: string): Promise<Buffer | null> {
    const value = await this.call((k) =>
      k.getPassword(SERVICE, this.account(name)),
    );
    return value ? Buffer.from(value, 'base64') : null;
  }

  async save(name: string, key: Buffer): Promise<void> {
    await this.call((k) =>
      k.setPassword(SERVICE, this.account(name), key.toString('base64')),
    );
  }

  async remove(name: string): Promise<void> {
    await this.call((k) => k.deletePassword(SERVICE, this.account(name)));
  }

  private account(name: string): string {
    return `${this.scope}:${name}`;
  }

  private async call<T>(fn: (keytar: Keytar) => Promise<T>): Promise<T> {
    try {
      const mod = (await import('keytar')) as { default?: Keytar } & Keytar;
      return await fn(mod.default ?? mod);
    } catch (error) {
      log().warn('keys.keychain_unavailable', { kind: 'keytar' });
      throw new AppError(
        'keychain_unavailable',
        'The system keychain is not available. Unlock it, or use a passphrase (HUSHNOTE_KEYSTORE=passphrase).',
        { cause: error },
      );
    }
  }
}
