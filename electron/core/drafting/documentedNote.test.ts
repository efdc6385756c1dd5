import { describe, expect, it } from 'vitest';
import type { Appointment } from '../domain/appointment';
import { toDocumentedNote } from './documentedNote';
import type { Draft } from './types';

const appointment = {
  modality: 'video',
  clientLocation: 'home',
  scheduledStart: '2026-12-01T16:00:00-06:00',
  scheduledEnd: '2026-12-01T16:53:00-06:00',
} as Appointment; // only the fields the adapter reads

const draft: Draft = {
  format: 'soap',
  engine: 'rules',
  sections: [
    {
      id: 'objective',
      title: 'Objective',
      sentences: [
        {
          id: 'o1',
          kind: 'session',
          text: 'Session time: 16:00 to 16:53 (53 minutes).',
          evidence: { appointment: 'times' },
        },
        {
          id: 'o2',
          kind: 'session',
          text: 'Telehealth session by video.',
          evidence: { appointment: 'modality' },
        },
        {
          id: 'o3',
          kind: 'intervention',
          text: 'Clinician used cognitive restructuring (identifying thoughts) (CBT).',
          evidence: { segmentIds: ['u28'], start: 1, end: 2 },
        },
      ],
    },
    {
      id: 'assessment',
      title: 'Assessment',
      sentences: [
        {
          id: 'a1',
          kind: 'risk',
          text: 'Client reported passive suicidal ideation.',
          evidence: { segmentIds: ['u23'], start: 3, end: 4 },
        },
        {
          id: 'a2',
          kind: 'risk',
          text: 'Client denied a plan.',
          evidence: { segmentIds: ['u25'], start: 5, end: 6 },
        },
        {
          id: 'a3',
          kind: 'safety_plan',
          text: 'Safety plan reviewed.',
          evidence: { segmentIds: ['u27'], start: 7, end: 8 },
        },
        {
          id: 'a4',
          kind: 'response',
          text: 'Client response: lighter.',
          evidence: { segmentIds: ['u35'], start: 9, end: 10 },
        },
      ],
    },
    {
      id: 'plan',
      title: 'Plan',
      sentences: [
        {
          id: 'p1',
          kind: 'homework',
          text: 'Homework assigned.',
          evidence: { segmentIds: ['u36'], start: 11, end: 12 },
        },
      ],
    },
  ],
};

describe('toDocumentedNote', () => {
  it('reports which required elements the draft holds', () => {
    const documented = toDocumentedNote(draft, appointment, {
      signedAt: '2026-12-01T17:10:00-06:00',
      credential: 'LCSW',
    });
    expect(documented).toMatchObject({
      start: appointment.scheduledStart,
      end: appointment.scheduledEnd,
      modality: 'video',
      clientLocation: 'home',
      interventions: ['cognitive restructuring'],
      riskAssessment: true,
      riskPresent: true,
      safetyPlan: true,
      response: true,
      plan: true,
      progressTowardGoals: false,
      mentalStatus: false,
      signature: { credential: 'LCSW' },
    });
  });

  it('claims nothing for a no-content draft', () => {
    const documented = toDocumentedNote(
      { ...draft, noContent: true },
      appointment,
    );
    expect(documented).toMatchObject({
      interventions: [],
      riskAssessment: false,
      plan: false,
      signature: null,
    });
    expect(documented.start).toBeUndefined();
  });
});
