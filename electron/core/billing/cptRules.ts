/**
 * CPT selection for behavioral-health services, one function per service.
 * National CPT rules live here as code, each beside its source; the
 * payer-specific numbers (family floor, group size) come from the payer
 * profile. Units are 1 except the crisis add-on 90840.
 */

export interface CodeUnits {
  cpt: string;
  units: number;
}

/** The rules' working result before payer placement and descriptions. */
export interface Draft {
  codes: CodeUnits[];
  reasons: string[];
  warnings: string[];
  blocked?: string;
}

// CPT time rule (a unit counts once its midpoint is passed): 90832 16-37,
// 90834 38-52, 90837 53+; add-ons 90833/90836/90838 replace them when an E/M
// is billed the same day. Sources: Novitas JL "Psychotherapy codes"
// (contentId 00026768); Noridian JEB psychotherapy documentation.
const PSYCHOTHERAPY_BANDS = [
  { min: 53, alone: '90837', withEm: '90838', span: '53 or more' },
  { min: 38, alone: '90834', withEm: '90836', span: '38-52' },
  { min: 16, alone: '90832', withEm: '90833', span: '16-37' },
] as const;

export const PSYCHOTHERAPY_MIN_MINUTES = 16;

/** Individual psychotherapy by measured minutes (not rounded up). */
export function psychotherapyCodes(minutes: number, withEm: boolean): Draft {
  const band = PSYCHOTHERAPY_BANDS.find((b) => minutes >= b.min);
  if (!band) {
    return blockedDraft(
      `${minutes} min of psychotherapy is under the 16-minute midpoint of the 30-minute code; no psychotherapy code can be billed (CPT time rule).`,
    );
  }

  const cpt = withEm ? band.withEm : band.alone;
  const reasons = [
    `${minutes} min falls in the ${band.span} minute band: ${cpt} (CPT time rule).`,
  ];
  if (withEm) {
    reasons.push(
      'An E/M is billed the same day, so the psychotherapy add-on is used instead of 90832/90834/90837 (CPT; Noridian JEB).',
    );
  }
  if (minutes > 60) {
    reasons.push(
      'No code extends psychotherapy past 60 min: 99354-99357 were deleted on 1 Jan 2023 and 99417/G2212 attach only to E/M (CPT 2023).',
    );
  }
  return { codes: [{ cpt, units: 1 }], reasons, warnings: emWarnings(withEm) };
}

function emWarnings(withEm: boolean): string[] {
  if (!withEm) return [];
  return [
    'Add the E/M code itself (99202-99215 or another qualifying family), chosen on MDM or on time not counting the psychotherapy minutes.',
  ];
}

// Crisis: 90839 for 30-74 min, plus 90840 for each further 30 min (75-104 =
// one unit, 105-134 = two); under 30 min it is reported as 90832, or 90833
// with an E/M (CPT parenthetical; headway.co cpt-code-90839-90840; VERIFY).
const CRISIS_MIN = 30;
const CRISIS_FIRST_BLOCK_END = 74;

/** Crisis psychotherapy (90839 + 90840 units), falling back under 30 min. */
export function crisisCodes(minutes: number, withEm: boolean): Draft {
  if (minutes < CRISIS_MIN) {
    const fallback = psychotherapyCodes(minutes, withEm);
    fallback.reasons.unshift(
      `${minutes} min of crisis psychotherapy is under 30 min, so it is reported as ordinary psychotherapy (CPT parenthetical for 90839).`,
    );
    return fallback;
  }

  const codes: CodeUnits[] = [{ cpt: '90839', units: 1 }];
  const reasons = [
    `${minutes} min of crisis psychotherapy: 90839 covers the first 30-74 min (CPT).`,
  ];
  if (minutes > CRISIS_FIRST_BLOCK_END) {
    const extra = Math.floor((minutes - (CRISIS_FIRST_BLOCK_END + 1)) / 30) + 1;
    codes.push({ cpt: '90840', units: extra });
    reasons.push(
      `${extra} x 90840 for each further 30 min from minute 75 (CPT).`,
    );
  }

  const warnings = withEm
    ? [
        'An E/M the same day must be documented separately; crisis minutes cannot count toward it.',
      ]
    : [];
  return { codes, reasons, warnings };
}

/** Family psychotherapy: 90847 with the client, 90846 without (CPT). */
export function familyCodes(
  minutes: number,
  withClient: boolean,
  floor: number,
): Draft {
  const cpt = withClient ? '90847' : '90846';
  // The 50-minute family codes are reportable from their midpoint, 26 min
  // (CPT midpoint rule); the floor is payer data because it needs VERIFY.
  if (minutes < floor) {
    return blockedDraft(
      `${minutes} min of family psychotherapy is under the payer's ${floor}-minute floor for ${cpt}; no family code can be billed (CPT midpoint rule).`,
    );
  }
  const who = withClient ? 'with' : 'without';
  return {
    codes: [{ cpt, units: 1 }],
    reasons: [
      `${minutes} min of family psychotherapy ${who} the client present: ${cpt} (CPT; floor ${floor} min).`,
    ],
    warnings: [],
  };
}

/** Group psychotherapy 90853, billed per client, not time based (CPT). */
export function groupCodes(
  participants: number | undefined,
  max: number,
): Draft {
  const reasons = [
    'Group psychotherapy is billed per client with 90853; its descriptor has no time (CPT).',
  ];
  const warnings: string[] = [];
  // NGS LCD L33632: document the number of participants; groups usually
  // have no more than 12 clients (VERIFY per MAC).
  if (participants === undefined) {
    warnings.push(
      'Document the number of group participants (NGS LCD L33632).',
    );
  } else if (participants > max) {
    warnings.push(
      `${participants} participants is more than the payer's usual limit of ${max} (NGS LCD L33632).`,
    );
  }
  return { codes: [{ cpt: '90853', units: 1 }], reasons, warnings };
}

/** Diagnostic evaluation: 90792 with medical services, else 90791 (CPT). */
export function intakeCodes(
  withMedical: boolean,
  repeat: { minDays: number; daysSinceLast?: number | undefined },
): Draft {
  const cpt = withMedical ? '90792' : '90791';
  const what = withMedical ? 'with' : 'without';
  return {
    codes: [{ cpt, units: 1 }],
    reasons: [
      `Diagnostic evaluation ${what} medical services: ${cpt}, one per day, not time based (CPT).`,
    ],
    warnings: repeatWarnings(repeat.minDays, repeat.daysSinceLast),
  };
}

// Many payers pay a repeat evaluation only after a gap, often 6 months, or a
// material change in status (BCBS IL policy via openpayer.com; VERIFY).
function repeatWarnings(
  minDays: number,
  daysSinceLast: number | undefined,
): string[] {
  if (daysSinceLast === undefined) {
    return [
      `Check the last evaluation date: this payer expects ${minDays} days between evaluations unless the client's status changed materially.`,
    ];
  }
  if (daysSinceLast < minDays) {
    return [
      `The last evaluation was ${daysSinceLast} days ago; this payer expects ${minDays} unless the client's status changed materially (document it).`,
    ];
  }
  return [];
}

export function blockedDraft(reason: string): Draft {
  return { codes: [], reasons: [reason], warnings: [], blocked: reason };
}
