export { detectRiskFlags } from './detect';
export { dismissRiskFlag, type DismissInput } from './dismiss';
export type * from './types';
export { RISK_FLAG_TYPES } from './types';
