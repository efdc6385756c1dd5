import { AppError } from '../../contract/errors';
import {
  toFhirObservations,
  toFhirQuestionnaireResponse,
} from '../assessments/index';
import type { Claim } from '@medplum/fhirtypes';
import type { Draft } from '../drafting/types';
import type {
  AssessmentFhir,
  SessionBundleInput,
} from '../fhir/sessionBundleInput';
import { renderNoteText } from '../notes/render';
import { requireAppointment } from '../services/billing';
import { loadAssessments } from '../services/sessionRecords';
import type { StoreHandle } from '../services/storeHandle';
import { part2ConsentFor } from './part2Consents';

/**
 * Everything a connector discloses for one signed session, read from the
 * store: the signed (or latest amended) note, the assessments, the claim
 * and, for a Part 2 client, the consent on file.
 */
export function sessionBundleInput(
  store: StoreHandle,
  sessionId: string,
): SessionBundleInput {
  const appointment = requireAppointment(store, sessionId);
  const note = store.repos.notes.forSession(sessionId)[0];
  const signed = note ? store.repos.notes.latest(note.id) : null;
  if (!note || !signed?.signedAt || !signed.signedBy) {
    throw new AppError('note_invalid', 'Only a signed note is delivered.');
  }
  const draft = signed.content as Draft;
  const client = store.repos.clients.require(appointment.client.id);
  const claim = store.repos.claims.forSession(sessionId)[0]?.fhir as
    Claim | undefined;

  const input: SessionBundleInput = {
    sessionId,
    appointment,
    encounter: {
      start: appointment.scheduledStart,
      end: appointment.scheduledEnd,
    },
    note: {
      id: `${note.id}-v${signed.version}`,
      format: String(draft.format),
      sections: draft.sections.map((s) => ({
        key: s.id,
        title: s.title,
        text: s.sentences.map((x) => x.text).join(' '),
      })),
      text: renderNoteText(draft),
      signer: {
        id: signed.signedBy,
        name: appointment.clinician.name,
        credential: appointment.clinician.credential,
        npi: appointment.clinician.npi,
      },
      signedAt: signed.signedAt,
      aiAssisted: draft.engine === 'llm',
    },
    assessments: assessmentsFhir(
      store,
      sessionId,
      appointment.client.id,
      appointment.scheduledStart,
    ),
    ...(claim ? { claim } : {}),
  };
  if (client.part2Program) {
    const consent = part2ConsentFor(
      store,
      client.id,
      `${client.givenName} ${client.familyName}`,
    );
    input.part2 = {
      program: client.part2Program,
      ...(consent ? { consent } : {}),
    };
  }
  return input;
}

function assessmentsFhir(
  store: StoreHandle,
  sessionId: string,
  clientId: string,
  effective: string,
): AssessmentFhir[] {
  return loadAssessments(store, sessionId)
    .filter((a) => a.total !== null)
    .map((result, index) => {
      const ctx = {
        id: `${sessionId}-${result.instrumentId}-${index}`,
        subject: `Patient/${clientId}`,
        effective,
      };
      return {
        instrument: result.instrumentId,
        questionnaireResponse: toFhirQuestionnaireResponse(result, ctx),
        observations: toFhirObservations(result, ctx),
      };
    });
}
