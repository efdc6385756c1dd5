import { AppError } from '../../contract/errors';

/**
 * Credential classes that payer rules speak about. Medicare: physicians and
 * NPPs have E/M scope; clinical psychologists and clinical social workers
 * may not bill 90792 or the E/M add-ons (FCSO medicare.fcso.com/EM/0459457);
 * MFTs and mental health counselors became billable on 1 Jan 2024 (CMS CY2024
 * PFS).
 */
export const CREDENTIAL_CLASSES = [
  'physician',
  'npp',
  'psychologist',
  'social-worker',
  'mft',
  'counselor',
  'unlicensed',
] as const;

export type CredentialClass = (typeof CREDENTIAL_CLASSES)[number];

const BY_CREDENTIAL: Record<string, CredentialClass> = {
  MD: 'physician',
  DO: 'physician',
  NP: 'npp',
  PMHNP: 'npp',
  APRN: 'npp',
  CNS: 'npp',
  PA: 'npp',
  PAC: 'npp',
  PHD: 'psychologist',
  PSYD: 'psychologist',
  EDD: 'psychologist',
  LP: 'psychologist',
  PSYCHOLOGIST: 'psychologist',
  LCSW: 'social-worker',
  LICSW: 'social-worker',
  LISW: 'social-worker',
  LCSWC: 'social-worker',
  CSW: 'social-worker',
  LMFT: 'mft',
  MFT: 'mft',
  LCMFT: 'mft',
  LPC: 'counselor',
  LMHC: 'counselor',
  LCPC: 'counselor',
  LPCC: 'counselor',
  LCMHC: 'counselor',
  MHC: 'counselor',
  LMSW: 'unlicensed',
  ASSOCIATE: 'unlicensed',
  INTERN: 'unlicensed',
  TRAINEE: 'unlicensed',
};

/** Known credential spellings, for help text and error messages. */
export const KNOWN_CREDENTIALS = Object.keys(BY_CREDENTIAL);

/**
 * Maps a credential as written ("LCSW", "Ph.D.", "PA-C") to its class.
 * Unknown credentials are refused rather than guessed.
 */
export function credentialClass(credential: string): CredentialClass {
  const key = credential.toUpperCase().replace(/[^A-Z]/g, '');
  const found = BY_CREDENTIAL[key];
  if (!found) {
    throw new AppError(
      'billing_invalid',
      `Unknown credential "${credential.slice(0, 20)}"; use one of ${KNOWN_CREDENTIALS.join(', ')}.`,
    );
  }
  return found;
}
