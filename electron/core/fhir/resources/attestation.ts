import type { Consent, Provenance, ProvenanceAgent } from '@medplum/fhirtypes';
import { consentScope } from '../../part2/part2Notice';
import type { DisclosurePurpose, Part2Consent } from '../../part2/part2Consent';
import { SYSTEM, hushnoteSystem } from '../fhirCodes';
import { hushnoteId, ref, type BundleContext } from './bundleContext';

/** Tag that makes a Provenance findable by `_tag` (it has no identifier). */
export function provenanceTag(ctx: BundleContext): {
  system: string;
  code: string;
} {
  return {
    system: hushnoteSystem('provenance'),
    code: `${ctx.input.sessionId}:${ctx.input.note.id}`,
  };
}

/**
 * Who wrote and who attested the note (HL7 AI Transparency IG): the
 * clinician as attester and, when a model drafted it, the note assistant
 * as assembler.
 */
export function buildProvenance(ctx: BundleContext): Provenance {
  const { input, refs } = ctx;
  const agents: ProvenanceAgent[] = [
    {
      type: role('attester', 'Attester'),
      who: ref(refs.practitioner, input.note.signer.name),
    },
  ];
  if (input.note.aiAssisted) {
    agents.push({
      type: role('assembler', 'Assembler'),
      who: { display: 'Hushnote note assistant (local model)' },
    });
  }
  return {
    resourceType: 'Provenance',
    meta: { tag: [provenanceTag(ctx)] },
    target: [ref(refs.documentReference), ref(refs.composition)],
    recorded: input.note.signedAt,
    agent: agents,
  };
}

const PURPOSE_CODE: Record<DisclosurePurpose, string> = {
  treatment: 'TREAT',
  payment: 'HPAYMT',
  operations: 'HOPERAT',
  'patient-request': 'PATRQT',
};

/**
 * The Part 2 consent the disclosure relies on, with its scope attached so
 * the recipient has "a clear explanation of the scope" (42 CFR §2.32(a)(2)).
 */
export function buildConsent(
  ctx: BundleContext,
  consent: Part2Consent,
): Consent {
  const exp = consent.expiration;
  return {
    resourceType: 'Consent',
    identifier: [hushnoteId('consent', consent.id)],
    status: consent.revokedAt ? 'inactive' : 'active',
    scope: {
      coding: [{ system: SYSTEM.consentScope, code: 'patient-privacy' }],
    },
    category: [
      {
        coding: [
          { system: SYSTEM.loinc, code: '59284-0', display: 'Patient Consent' },
        ],
      },
    ],
    patient: ref(ctx.refs.patient),
    dateTime: consent.signedAt,
    organization: [ref(ctx.refs.billingOrg, consent.discloser)],
    sourceAttachment: {
      contentType: 'text/plain; charset=utf-8',
      data: Buffer.from(consentScope(consent), 'utf8').toString('base64'),
      title: 'Scope of 42 CFR Part 2 consent',
    },
    policy: [
      {
        authority: 'https://www.ecfr.gov',
        uri: 'https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2',
      },
    ],
    provision: {
      type: 'permit',
      ...('date' in exp ? { period: { end: exp.date } } : {}),
      actor: consent.recipients.map((r) => ({
        role: {
          coding: [
            {
              system:
                'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
              code: 'IRCP',
              display: 'information recipient',
            },
          ],
        },
        reference: { display: 'class' in r ? r.class : r.name },
      })),
      purpose: consent.purposes.map((p) => ({
        system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
        code: PURPOSE_CODE[p],
      })),
    },
  };
}

function role(code: string, display: string) {
  return { coding: [{ system: SYSTEM.provenanceRole, code, display }] };
}
