import { readFileSync } from 'node:fs';
import { AppError } from '../../electron/contract/errors';
import type { Appointment } from '../../electron/core/domain/appointment';
import type { Draft } from '../../electron/core/drafting/types';
import type {
  DeliveryView,
  NoteVersionView,
  SessionDetail,
  SessionService,
} from '../../electron/core/services/types';
import { PIPELINE_STEPS } from '../../electron/core/services/types';
import { loadTemplate } from '../../electron/core/drafting/templates';
import {
  MAX_CLIP_SEC,
  monoWav,
} from '../../electron/core/services/evidenceAudio';
import { scoreAssessment } from '../../electron/core/assessments/score';
import { itemNineFlags } from '../../electron/core/risk/itemNine';

/**
 * An in-memory SessionService for fast screen tests (no models, no store).
 * "Transcription" reads the fixture's reference transcript; the real flow is
 * tested in fullFlow.spec.ts against the real service.
 */
export function fakeSessionService(
  appointment: Appointment,
  referencePath: string,
): SessionService {
  const sessions = new Map<string, SessionDetail>();
  const deliveries: DeliveryView[] = [];

  const get = (id: string): SessionDetail => {
    const found = sessions.get(id);
    if (!found) throw new AppError('not_found', 'No such session.');
    return found;
  };

  return {
    listSessions: () => [...sessions.values()].map((s) => s.summary),
    listAppointments: () => [appointment],
    createSession: (a) => {
      const id = `s${sessions.size + 1}`;
      const summary = {
        id,
        appointmentId: a.id,
        clientId: a.client.id,
        clientLabel: `${a.client.givenName[0] ?? ''}. ${a.client.familyName}`,
        status: 'scheduled' as const,
        scheduledStart: a.scheduledStart,
        scheduledEnd: a.scheduledEnd,
        modality: a.modality,
        noteStatus: null,
      };
      sessions.set(id, {
        summary,
        appointment: a,
        transcript: null,
        assessments: [],
        riskFlags: [],
        note: null,
        versions: [],
        billing: null,
        deliveries: [],
      });
      return summary;
    },
    importRecording: async (sessionId, file, options) => {
      if (file.bytes.length < 16)
        throw new AppError('audio_unreadable', 'Not audio.');
      for (const step of PIPELINE_STEPS.slice(0, 5)) {
        if (options.signal?.aborted)
          throw new AppError('cancelled', 'Cancelled.');
        options.onProgress?.(step, 1);
        await new Promise((r) => setTimeout(r, 500));
      }
      const detail = get(sessionId);
      detail.transcript = transcriptFrom(referencePath);
      detail.note = {
        version: 1,
        status: 'draft',
        draft: draftFrom(detail),
        createdAt: new Date().toISOString(),
      };
      detail.billing = billing();
      detail.summary = {
        ...detail.summary,
        status: 'drafted',
        noteStatus: 'draft',
      };
      return detail;
    },
    processRecording: () =>
      Promise.reject(new AppError('internal', 'Not in the fake.')),
    getSession: get,
    getBilling: (id) => {
      const d = get(id);
      return {
        summary: d.summary,
        billing: d.billing,
        noteStatus: d.note?.status ?? null,
        deliveries: d.deliveries,
      };
    },
    cosignNote: (id, cosigner) => {
      const note = get(id).note;
      if (!note) throw new AppError('not_found', 'No note.');
      note.cosignedBy = [...(note.cosignedBy ?? []), cosigner.name];
      return note;
    },
    editNote: (id, draft) => setNote(get(id), draft, 'edited'),
    signNote: (id, signer) => {
      const detail = get(id);
      const note = setNote(
        detail,
        detail.note?.draft ?? draftFrom(detail),
        'signed',
      );
      note.signedBy = signer.name;
      note.signedAt = new Date().toISOString();
      detail.summary = {
        ...detail.summary,
        status: 'signed',
        noteStatus: 'signed',
      };
      return note;
    },
    amendNote: (id, draft, reason) => {
      const note = setNote(get(id), draft, 'amended');
      note.amendmentReason = reason;
      return note;
    },
    redraftNote: (id, request) => {
      const detail = get(id);
      const fresh = draftFrom(detail, request.format);
      const current = detail.note?.draft;
      const sectionId = request.sectionId;
      const draft =
        sectionId && current
          ? {
              ...current,
              sections: current.sections.map((s) =>
                s.id === sectionId
                  ? (fresh.sections.find((f) => f.id === sectionId) ?? s)
                  : s,
              ),
            }
          : fresh;
      return Promise.resolve(setNote(detail, draft, 'edited'));
    },
    evidenceAudio: (id, range) => {
      get(id);
      const end = Math.min(range.end, range.start + MAX_CLIP_SEC);
      return {
        recordingId: 'r1',
        start: range.start,
        end,
        sampleRate: 16000,
        wav: monoWav(tone(end - range.start, 16000), 16000),
      };
    },
    recordAssessment: (id, entry) => {
      const detail = get(id);
      const assessment = scoreAssessment(entry.instrumentId, entry.answers);
      const flags = itemNineFlags([assessment]);
      detail.assessments.push(assessment);
      detail.riskFlags.push(...flags);
      return { assessment, flags };
    },
    deliver: (id) => {
      const delivery: DeliveryView = {
        id: `d${deliveries.length + 1}`,
        sessionId: id,
        connectorId: 'sandbox',
        status: 'delivered',
        attempts: 1,
        lastError: null,
        updatedAt: new Date().toISOString(),
      };
      deliveries.push(delivery);
      get(id).deliveries.push(delivery);
      return Promise.resolve([delivery]);
    },
    listDeliveries: () => deliveries,
    close: () => Promise.resolve(),
  };
}

function setNote(
  detail: SessionDetail,
  draft: Draft,
  status: NoteVersionView['status'],
): NoteVersionView {
  if (
    detail.note &&
    (detail.note.status === 'signed' || detail.note.status === 'amended') &&
    status === 'edited'
  ) {
    throw new AppError('note_locked', 'Signed.');
  }
  const note: NoteVersionView = {
    version: (detail.note?.version ?? 0) + 1,
    status,
    draft,
    createdAt: new Date().toISOString(),
  };
  if (detail.note) detail.versions.push(detail.note);
  detail.note = note;
  return note;
}

interface Reference {
  duration: number;
  utterances: {
    role: 'clinician' | 'client';
    start: number;
    end: number;
    text: string;
  }[];
}

function transcriptFrom(referencePath: string): SessionDetail['transcript'] {
  const ref = JSON.parse(readFileSync(referencePath, 'utf8')) as Reference;
  return {
    durationSec: ref.duration,
    language: 'en',
    failedRegions: [],
    silentChannels: [],
    segments: ref.utterances.map((u, i) => ({
      id: `g${i}`,
      start: u.start,
      end: u.end,
      role: u.role,
      channel: u.role === 'clinician' ? 0 : 1,
      text: u.text,
      confidence: 0.9,
    })),
  };
}

/** The first two sections of a built-in template, for a draft in its format. */
function templateSections(format: string): { id: string; title: string }[] {
  const template = loadTemplate(format);
  return template.sections.slice(0, 2).map((s) => ({
    id: s.id,
    title: s.title,
  }));
}

function draftFrom(detail: SessionDetail, format = 'soap'): Draft {
  const client =
    detail.transcript?.segments.filter((s) => s.role === 'client') ?? [];
  const [first, second] = client;
  const [speech, facts] = templateSections(format);
  return {
    format,
    engine: 'rules',
    sections: [
      {
        id: speech?.id ?? 'subjective',
        title: speech?.title ?? 'Subjective',
        sentences: [
          ...(first
            ? [
                {
                  id: 'n1',
                  text: 'Client agreed to the note assistant.',
                  evidence: {
                    segmentIds: [first.id],
                    start: first.start,
                    end: first.end,
                  },
                },
              ]
            : []),
          ...(second
            ? [
                {
                  id: 'n2',
                  text: 'Client reports poor sleep.',
                  evidence: {
                    segmentIds: [second.id],
                    start: second.start,
                    end: second.end,
                  },
                  lowEvidence: true,
                },
              ]
            : []),
        ],
      },
      {
        id: facts?.id ?? 'objective',
        title: facts?.title ?? 'Objective',
        sentences: [
          {
            id: 'n3',
            text: 'Session held by video.',
            evidence: { appointment: 'modality' },
          },
        ],
      },
    ],
  };
}

function billing(): SessionDetail['billing'] {
  return {
    minutes: 53,
    suggestion: {
      lines: [
        {
          cpt: '90837',
          units: 1,
          modifiers: ['95'],
          pos: '10',
          description: 'Psychotherapy, 60 minutes',
        },
      ],
      placeOfService: '10',
      reasons: ['53 measured minutes reach the 90837 floor.'],
      warnings: [],
      basis: {
        service: 'psychotherapy',
        minutes: 53,
        modality: 'video',
        clientLocation: 'home',
        payer: 'commercial',
        credentialClass: 'psychologist',
        withEm: false,
      },
    },
    documentation: null,
    claimX12: null,
    claimError: null,
  };
}

/** A quiet 440 Hz tone standing in for the session's audio. */
function tone(seconds: number, sampleRate: number): Float32Array {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i++)
    samples[i] = 0.1 * Math.sin((2 * Math.PI * 440 * i) / sampleRate);
  return samples;
}
