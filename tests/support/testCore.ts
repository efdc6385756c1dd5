import path from 'node:path';
import {
  createAppCore,
  type AppCore,
  type AppCoreOptions,
} from '../../electron/core/app/appCore';
import { PassphraseKeyStore } from '../../electron/core/keys/passphraseKeyStore';
import { fixtureEngines } from './fixtureEngines';

/**
 * The app core as the browser bridge runs it, on a store in `dir` with a
 * passphrase key (cheap scrypt: tests open many stores) and the fixture
 * engines; `options` adds or replaces what a test needs (clock, idle
 * timeout, capture source, EHR).
 */
export function openTestCore(
  dir: string,
  options: Partial<AppCoreOptions> = {},
): Promise<AppCore> {
  return createAppCore({
    mode: 'bridge',
    version: 'test',
    dataDir: dir,
    keyStore: new PassphraseKeyStore(
      path.join(dir, 'keys.json'),
      'test passphrase',
      { N: 2 ** 12, r: 8, p: 1 },
    ),
    engines: fixtureEngines(),
    ...options,
  });
}
