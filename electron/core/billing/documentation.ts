import type { DocumentedNote } from './documentedNote';
import { sessionMinutes } from './sessionMinutes';
import type { BillingSuggestion } from './types';

export type { DocumentedNote } from './documentedNote';

/** One finding; `code` is stable for UI mapping, `message` is safe to show. */
export interface Problem {
  code: string;
  message: string;
}

export interface DocumentationCheck {
  blocking: Problem[];
  warnings: Problem[];
}

type Findings = DocumentationCheck;

// Minimum minutes each time-based code needs (CPT time rule; DOMAIN.md 1.1,
// 1.3). Family uses the CPT midpoint 26 (payer profiles may differ).
const CODE_FLOOR: Record<string, number> = {
  '90832': 16,
  '90833': 16,
  '90834': 38,
  '90836': 38,
  '90837': 53,
  '90838': 53,
  '90839': 30,
  '90846': 26,
  '90847': 26,
};

/**
 * Checks that a signed note supports the suggested codes before they are
 * final: blocking problems stop the claim, warnings are for the biller.
 */
export function checkDocumentation(
  note: DocumentedNote,
  suggestion: BillingSuggestion,
): DocumentationCheck {
  const found: Findings = { blocking: [], warnings: [] };
  const codes = suggestion.lines.map((line) => line.cpt);

  checkTime(note, suggestion, codes, found);
  checkTelehealth(note, suggestion, found);
  checkCoreElements(note, found);
  checkCodeSpecific(note, codes, found);
  checkSignature(note, found);
  return found;
}

function add(list: Problem[], code: string, message: string): void {
  list.push({ code, message });
}

function documentedMinutes(note: DocumentedNote): number | undefined {
  if (note.start && note.end) {
    try {
      return sessionMinutes({ start: note.start, end: note.end });
    } catch {
      return undefined;
    }
  }
  return note.totalMinutes;
}

function checkTime(
  note: DocumentedNote,
  s: BillingSuggestion,
  codes: string[],
  f: Findings,
): void {
  const timed = codes.filter((c) => c in CODE_FLOOR);
  if (timed.length === 0) return;

  const minutes = documentedMinutes(note);
  if (minutes === undefined) {
    add(
      f.blocking,
      'time_missing',
      'Document start and stop times or total minutes for a time-based code.',
    );
    return;
  }
  if (!(note.start && note.end)) {
    add(
      f.warnings,
      'clock_times_missing',
      'Payers increasingly want clock start and stop times, not only total minutes.',
    );
  }
  for (const code of timed) {
    const floor = CODE_FLOOR[code] ?? 0;
    if (minutes < floor) {
      add(
        f.blocking,
        'time_short',
        `The note documents ${minutes} min; ${code} needs at least ${floor}.`,
      );
    }
  }
  if (minutes < s.basis.minutes) {
    add(
      f.warnings,
      'time_mismatch',
      `The note documents ${minutes} min but ${s.basis.minutes} min were measured.`,
    );
  }
}

function checkTelehealth(
  note: DocumentedNote,
  s: BillingSuggestion,
  f: Findings,
): void {
  if (s.basis.modality === 'in-person') return;
  if (!note.modality) {
    add(
      f.blocking,
      'modality_missing',
      'A telehealth note must say whether it was video or audio-only.',
    );
  } else if (note.modality !== s.basis.modality) {
    add(
      f.blocking,
      'modality_mismatch',
      `The note says ${note.modality} but the claim is coded for ${s.basis.modality}.`,
    );
  }
  if (!note.clientLocation) {
    add(
      f.blocking,
      'location_missing',
      "A telehealth note must record the client's location.",
    );
  } else if (note.clientLocation !== s.basis.clientLocation) {
    add(
      f.blocking,
      'location_mismatch',
      "The client's location in the note does not match the place of service.",
    );
  }
  if (!note.telehealthConsent) {
    add(
      f.warnings,
      'telehealth_consent_missing',
      'Record the client’s consent to telehealth.',
    );
  }
}

function checkCoreElements(note: DocumentedNote, f: Findings): void {
  if (note.interventions.length === 0)
    add(
      f.blocking,
      'interventions_missing',
      'Document the interventions delivered.',
    );
  if (!note.mentalStatus)
    add(f.blocking, 'mental_status_missing', 'Document a mental status exam.');
  if (!note.riskAssessment)
    add(
      f.blocking,
      'risk_assessment_missing',
      'Document a risk assessment (ideation, plan, intent, means, protective factors).',
    );
  if (note.riskPresent && !note.safetyPlan)
    add(
      f.blocking,
      'safety_plan_missing',
      'Risk is present: document a safety plan.',
    );
  if (!note.response)
    add(
      f.blocking,
      'response_missing',
      "Document the client's response to the interventions.",
    );
  if (!note.progressTowardGoals)
    add(
      f.blocking,
      'progress_missing',
      'Document progress toward the treatment-plan goals.',
    );
  if (!note.plan)
    add(
      f.blocking,
      'plan_missing',
      'Document the plan (next session, homework, referrals).',
    );
}

function checkCodeSpecific(
  note: DocumentedNote,
  codes: string[],
  f: Findings,
): void {
  const has = (...list: string[]) => codes.some((c) => list.includes(c));
  if (has('90833', '90836', '90838') && !note.emDocumentedSeparately) {
    add(
      f.blocking,
      'em_not_separate',
      'With an E/M add-on the note must show the E/M separately from the psychotherapy minutes.',
    );
  }
  if (has('90785') && !note.interactiveComplexityFactor) {
    add(
      f.blocking,
      'complexity_factor_missing',
      'Document the qualifying interactive complexity factor for 90785.',
    );
  }
  if (
    has('90839') &&
    !(note.crisisAssessment && note.disposition && note.safetyPlan)
  ) {
    add(
      f.blocking,
      'crisis_elements_missing',
      'Crisis notes need the urgent assessment, a safety plan and the disposition.',
    );
  }
  if (has('90847') && note.clientPresent === false) {
    add(
      f.blocking,
      'client_absent',
      '90847 needs the client present; the note says the client was absent (use 90846).',
    );
  }
  if (has('90846') && note.clientPresent === true) {
    add(
      f.blocking,
      'client_present',
      '90846 is family therapy without the client; the note says the client was present (use 90847).',
    );
  }
  if (has('90853') && note.groupParticipants === undefined) {
    add(
      f.warnings,
      'group_size_missing',
      'Document the number of group participants (NGS LCD L33632).',
    );
  }
}

function checkSignature(note: DocumentedNote, f: Findings): void {
  if (!note.signature) {
    add(
      f.blocking,
      'unsigned',
      'The note is not signed; a draft cannot support a claim until the clinician attests.',
    );
  } else if (!note.signature.credential) {
    add(
      f.warnings,
      'signature_credential_missing',
      "The signature should carry the clinician's credentials.",
    );
  }
}
