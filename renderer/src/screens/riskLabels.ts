/** Risk flag types (electron/core/risk/types.ts) in words for the screen. */
const RISK_WORDS: Record<string, string> = {
  suicidal_ideation_passive: 'Passive suicidal ideation',
  suicidal_ideation_active: 'Active suicidal ideation',
  suicide_plan: 'Suicide plan',
  suicide_intent: 'Suicidal intent',
  means_access: 'Access to means',
  self_harm: 'Self-harm',
  homicidal_ideation: 'Homicidal ideation',
  abuse_disclosure: 'Abuse disclosure',
  neglect_disclosure: 'Neglect disclosure',
  overdose: 'Overdose',
  intoxication: 'Intoxication',
  phq9_item9: 'PHQ-9 item 9 above 0',
};

export function riskWords(type: string): string {
  return RISK_WORDS[type] ?? type.replaceAll('_', ' ');
}
