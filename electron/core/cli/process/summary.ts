import type { SessionDetail } from '../../services/types';
import { isSegmentEvidence, type Draft } from '../../drafting/types';

const RULE = '-'.repeat(64);

/** A readable account of one processed session, for the terminal. */
export function renderSummary(
  detail: SessionDetail,
  extra: string[] = [],
): string {
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  const { appointment, transcript } = detail;

  push(RULE, `Session ${detail.summary.id}`, RULE);
  push(
    `Appointment: ${appointment.service}, ${appointment.modality} from ${appointment.clientLocation}, ` +
      `${appointment.scheduledStart} to ${appointment.scheduledEnd} (${appointment.timeZone})`,
  );
  push('', 'Transcript (first lines):');
  for (const s of transcript?.segments.slice(0, 6) ?? []) {
    push(`  [${s.start.toFixed(1)}s] ${s.role}: ${s.text}`);
  }
  push(`  ... ${transcript?.segments.length ?? 0} segments in all`);

  push('', 'Assessments:');
  for (const a of detail.assessments) {
    const answers = a.answers
      .map((v) => (v === null ? '?' : String(v)))
      .join(',');
    push(
      `  ${a.instrumentId}: total ${a.total ?? 'n/a'} (${a.severity ?? 'no total'}), answers ${answers}, ${a.status}`,
    );
  }
  if (detail.assessments.length === 0) push('  none detected');

  push('', 'Risk flags:');
  for (const f of detail.riskFlags) {
    const quote = f.evidence[0]?.quote ?? f.detail ?? '';
    const denied = f.denials.map((d) => d.about).join(', ');
    push(
      `  ${f.type} (${f.severity})${quote ? `: "${quote}"` : ''}${denied ? `; denies ${denied}` : ''}`,
    );
  }
  if (detail.riskFlags.length === 0) push('  none');

  if (detail.note)
    push('', ...renderDraft(detail.note.draft, detail.note.status));
  push('', ...renderBilling(detail));
  if (extra.length > 0) push('', ...extra);
  push(RULE);
  return `${lines.join('\n')}\n`;
}

function renderDraft(draft: Draft, status: string): string[] {
  const out = [
    `Note (${String(draft.format).toUpperCase()}, ${draft.engine} engine, ${status}):`,
  ];
  if (draft.noContent) return [...out, '  No clinical content was captured.'];
  for (const section of draft.sections) {
    out.push(`  ${section.title}`);
    for (const sentence of section.sentences) {
      const cite = isSegmentEvidence(sentence.evidence)
        ? `[${sentence.evidence.segmentIds.join(',')}]`
        : `[appointment: ${sentence.evidence.appointment}]`;
      out.push(`    - ${sentence.text} ${cite}`);
    }
  }
  return out;
}

function renderBilling(detail: SessionDetail): string[] {
  const billing = detail.billing;
  if (!billing) return ['Billing: no note yet.'];
  const out = [`Billing (${billing.minutes} minutes):`];
  for (const line of billing.suggestion.lines) {
    const mods = line.modifiers.length ? `-${line.modifiers.join('-')}` : '';
    out.push(
      `  ${line.cpt}${mods} x${line.units}, POS ${line.pos}: ${line.description}`,
    );
  }
  if (billing.suggestion.blocked)
    out.push(`  blocked: ${billing.suggestion.blocked}`);
  for (const reason of billing.suggestion.reasons)
    out.push(`  because ${reason}`);
  const doc = billing.documentation;
  if (doc) {
    for (const p of doc.blocking)
      out.push(`  documentation (blocking): ${p.message}`);
    for (const p of doc.warnings)
      out.push(`  documentation (warning): ${p.message}`);
  }
  if (billing.claimX12) {
    const segments = billing.claimX12.split('~').filter((s) => s.trim()).length;
    out.push(`  claim: 837P with ${segments} segments built`);
  } else if (billing.claimError) {
    out.push(`  claim not built: ${billing.claimError}`);
  }
  return out;
}
