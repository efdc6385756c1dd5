import path from 'node:path';
import { AppError } from '../../contract/errors';
import type { KeyStore } from './keyStore';
import { KeytarKeyStore } from './keytarKeyStore';
import { PassphraseKeyStore } from './passphraseKeyStore';

/**
 * The key store for plain Node (CLI, bridge): the OS keychain, unless
 * HUSHNOTE_KEYSTORE=passphrase asks for a passphrase-wrapped key, whose
 * passphrase comes from HUSHNOTE_PASSPHRASE. A keychain that fails is an
 * error, never a reason to fall back silently.
 */
export function keyStoreFromEnv(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): KeyStore {
  const choice = env['HUSHNOTE_KEYSTORE'] ?? 'keychain';
  if (choice === 'keychain') return new KeytarKeyStore(dataDir);
  if (choice === 'passphrase') {
    const passphrase = env['HUSHNOTE_PASSPHRASE'];
    if (!passphrase)
      throw new AppError('unauthorized', 'HUSHNOTE_PASSPHRASE is not set.');
    return new PassphraseKeyStore(path.join(dataDir, 'keys.json'), passphrase);
  }
  throw new AppError(
    'invalid_request',
    'HUSHNOTE_KEYSTORE must be keychain or passphrase.',
  );
}
