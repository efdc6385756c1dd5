import type { ConsentMeans } from '../../../electron/contract/contract';

export const CONSENT_MEANS_LABELS: { means: ConsentMeans; label: string }[] = [
  { means: 'verbal', label: 'Verbal, at the start of the session' },
  { means: 'written', label: 'Written form on file' },
  { means: 'portal', label: 'Signed in the client portal' },
];
