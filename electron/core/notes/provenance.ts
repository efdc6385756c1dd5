import type {
  Patient,
  Practitioner,
  Provenance,
  Reference,
} from '@medplum/fhirtypes';
import { AppError } from '../../contract/errors';
import type { Note } from './types';

/**
 * FHIR R4 Provenance for a signed note: the drafting software as a
 * contained Device (author of the AI-assisted draft) and the signing
 * clinician as attester, with their signature. Amendments add one
 * signature each and the latest reason. Sources: FHIR R4 Provenance;
 * participant types from terminology.hl7.org provenance-participant-type;
 * signature type 1.2.840.10065.1.12.1.1 (ASTM E1762, author's signature).
 */
const PARTICIPANT =
  'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
const SIGNATURE_TYPE = 'urn:iso-astm:E1762-95:2013';
const DATA_OPERATION = 'http://terminology.hl7.org/CodeSystem/v3-DataOperation';

export interface ProvenanceTargets {
  /** What the note became in the EHR (DocumentReference or Composition). */
  target: Reference;
  /** The Patient the note is about, when known. */
  patient?: Reference<Patient>;
}

export function toFhirProvenance(
  note: Note,
  refs: ProvenanceTargets,
): Provenance {
  const last = note.signatures[note.signatures.length - 1];
  if (!last)
    throw new AppError('note_invalid', 'Only a signed note has a Provenance.');
  const amendment = [...note.versions]
    .reverse()
    .find((v) => v.kind === 'amendment');
  const clinician: Reference<Practitioner> = {
    reference: `Practitioner/${last.clinicianId}`,
    display: last.name,
  };

  return {
    resourceType: 'Provenance',
    contained: [draftingDevice(note)],
    target: [refs.target],
    recorded: last.at,
    activity: {
      coding: [
        { system: DATA_OPERATION, code: amendment ? 'UPDATE' : 'CREATE' },
      ],
    },
    ...(amendment?.reason ? { reason: [{ text: amendment.reason }] } : {}),
    agent: [
      {
        type: participant('author', 'Author'),
        who: { reference: '#drafter', display: 'Hushnote note assistant' },
      },
      {
        type: participant('attester', 'Attester'),
        who: clinician,
        ...(refs.patient ? { onBehalfOf: refs.patient } : {}),
      },
    ],
    signature: note.signatures.map((s) => ({
      type: [
        {
          system: SIGNATURE_TYPE,
          code: '1.2.840.10065.1.12.1.1',
          display: "Author's Signature",
        },
      ],
      when: s.at,
      who: { reference: `Practitioner/${s.clinicianId}`, display: s.name },
    })),
  };
}

function draftingDevice(
  note: Note,
): NonNullable<Provenance['contained']>[number] {
  const model =
    note.draft.model ??
    (note.draft.engine === 'rules' ? 'rules drafter' : 'unknown model');
  return {
    resourceType: 'Device',
    id: 'drafter',
    deviceName: [
      { name: 'Hushnote note assistant', type: 'user-friendly-name' },
    ],
    version: [{ value: `${note.draft.engine}: ${model}` }],
  };
}

function participant(code: string, display: string) {
  return { coding: [{ system: PARTICIPANT, code, display }] };
}
