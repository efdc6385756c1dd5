import type { CodeUnits } from './cptRules';
import type { InteractiveComplexity } from './types';

// 90785 is an add-on only to these primaries (CPT; APA Services
// "Interactive complexity", 2022). Never with crisis 90839/90840, family
// 90846/90847/90849 or an E/M alone.
export const INTERACTIVE_COMPLEXITY_PRIMARIES = [
  '90791',
  '90792',
  '90832',
  '90833',
  '90834',
  '90836',
  '90837',
  '90838',
  '90853',
] as const;

/**
 * The four qualifying factors (CPT; APA Services 2022). At least one must be
 * present and documented.
 */
export const QUALIFYING_FACTORS = {
  'maladaptive-communication':
    'communication complicated by high anxiety, reactivity, repeated questions or disagreement',
  'caregiver-interference':
    "a caregiver's emotions or behaviour interfere with the treatment plan",
  'sentinel-event': 'a sentinel event with a mandated report to a third party',
  'communication-aid':
    'play equipment, devices, an interpreter or translator for a client lacking the language skills to take part',
} as const;

// These do not qualify on their own (APA Services 2022; helloalma.com).
const NOT_QUALIFYING: Record<string, string> = {
  'language-interpreter':
    'an interpreter for a client who simply does not speak English',
  'extra-time': 'extra time alone',
};

export interface ComplexityOutcome {
  add: boolean;
  reason: string;
}

/** Decides whether 90785 may be added to the suggested primary codes. */
export function interactiveComplexity(
  request: InteractiveComplexity,
  primaries: readonly CodeUnits[],
): ComplexityOutcome {
  const notQualifying = NOT_QUALIFYING[request.factor];
  if (notQualifying) {
    return refuse(
      `${notQualifying} does not qualify for 90785 (APA Services 2022).`,
    );
  }
  if (!(request.factor in QUALIFYING_FACTORS)) {
    const known = Object.keys(QUALIFYING_FACTORS).join(', ');
    return refuse(
      `Interactive complexity factor "${request.factor.slice(0, 40)}" is not one of: ${known}.`,
    );
  }

  const allowed: readonly string[] = INTERACTIVE_COMPLEXITY_PRIMARIES;
  const primary = primaries.find((line) => allowed.includes(line.cpt));
  if (!primary) {
    const codes =
      primaries.map((line) => line.cpt).join(' + ') || 'no primary code';
    return refuse(
      `90785 cannot be billed with ${codes}; it adds only to ${allowed.join(', ')} (CPT).`,
    );
  }
  return {
    add: true,
    reason: `90785 added to ${primary.cpt}: ${request.factor} is a qualifying factor (CPT; APA Services 2022).`,
  };
}

function refuse(reason: string): ComplexityOutcome {
  return { add: false, reason };
}
