// Same day, same clinician conflicts. Intake 90791/90792 is not billed with
// psychotherapy, E/M or crisis codes (CPT; DOMAIN.md 1.2); crisis 90839/90840
// is not billed with 90791, 90792, 90832-90838, 90785, 90846, 90847, 90849
// or 90853 (CPT; BCBS IL policy); 90846 and 90847 not together.

const PSYCHOTHERAPY = ['90832', '90833', '90834', '90836', '90837', '90838'];
const CRISIS = ['90839', '90840'];
const INTAKE = ['90791', '90792'];
const FAMILY_GROUP = ['90846', '90847', '90849', '90853'];

/** True for the E/M families that qualify as the primary of an add-on. */
export function isEmCode(code: string): boolean {
  // Office 99202-99215, inpatient/consult 99221-99255, nursing facility
  // 99304-99337, home 99341-99350 (CPT; Noridian JEB).
  const n = Number(code);
  if (!/^99\d{3}$/.test(code)) return false;
  return (
    (n >= 99202 && n <= 99215) ||
    (n >= 99221 && n <= 99255) ||
    (n >= 99304 && n <= 99337) ||
    (n >= 99341 && n <= 99350)
  );
}

function conflictsOf(code: string): (other: string) => boolean {
  if (INTAKE.includes(code)) {
    return (o) =>
      PSYCHOTHERAPY.includes(o) || CRISIS.includes(o) || isEmCode(o);
  }
  if (CRISIS.includes(code)) {
    return (o) =>
      INTAKE.includes(o) ||
      PSYCHOTHERAPY.includes(o) ||
      FAMILY_GROUP.includes(o) ||
      o === '90785';
  }
  if (PSYCHOTHERAPY.includes(code)) {
    return (o) => INTAKE.includes(o) || CRISIS.includes(o);
  }
  if (code === '90846') return (o) => o === '90847' || CRISIS.includes(o);
  if (code === '90847') return (o) => o === '90846' || CRISIS.includes(o);
  if (FAMILY_GROUP.includes(code)) return (o) => CRISIS.includes(o);
  return () => false;
}

/** The first same-day conflict between suggested and already billed codes. */
export function sameDayConflict(
  suggested: readonly string[],
  billedToday: readonly string[],
): string | undefined {
  for (const code of suggested) {
    const clashes = conflictsOf(code);
    const other = billedToday.find((billed) => clashes(billed));
    if (other) {
      return `${code} cannot be billed the same day as ${other} by the same clinician (CPT; DOMAIN.md 1.2-1.3).`;
    }
  }
  if (suggested.includes('90839') && billedToday.includes('90839')) {
    return '90839 is billed once per day; add further crisis time to the first claim as 90840 (CPT).';
  }
  return undefined;
}
