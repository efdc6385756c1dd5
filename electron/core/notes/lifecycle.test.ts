import { describe, expect, it } from 'vitest';
import type { Draft } from '../drafting/types';
import { structureErrors } from '../fhir/validateFhir';
import {
  amendNote,
  assertExportable,
  createNote,
  createProcessNote,
  editNote,
  noteText,
  renderNoteText,
  signNote,
  toFhirProvenance,
} from './index';

const draft: Draft = {
  format: 'soap',
  engine: 'llm',
  model: 'SmolLM2-135M-Instruct.Q4_1.gguf',
  sections: [
    {
      id: 'subjective',
      title: 'Subjective',
      sentences: [
        {
          id: 'subjective-1',
          kind: 'reported',
          text: 'Client reported poor sleep.',
          evidence: { segmentIds: ['u4'], start: 19.8, end: 27.9 },
        },
      ],
    },
    {
      id: 'plan',
      title: 'Plan',
      sentences: [
        {
          id: 'plan-1',
          kind: 'next_appointment',
          text: 'Next appointment: next Tuesday at four.',
          evidence: { segmentIds: ['u38'], start: 193.7, end: 202 },
        },
      ],
    },
  ],
};
const signer = {
  clinicianId: 'clin-1',
  name: 'Sam Rivera',
  credential: 'LCSW',
  at: '2026-12-01T17:10:00-06:00',
};

describe('note lifecycle', () => {
  it('renders one sentence a line under each section title', () => {
    expect(renderNoteText(draft)).toBe(
      'SOAP progress note\n\nSubjective\nClient reported poor sleep.\n\nPlan\nNext appointment: next Tuesday at four.\n',
    );
  });

  it('stores edits as diffs and rebuilds every version', () => {
    const note = createNote(draft, {
      id: 'n1',
      at: '2026-12-01T17:00:00-06:00',
    });
    const edited = editNote(
      note,
      noteText(note).replace(
        'poor sleep',
        'poor sleep, about four hours a night',
      ),
      { clinicianId: 'clin-1', at: '2026-12-01T17:05:00-06:00' },
    );
    expect(edited.status).toBe('edited');
    expect(edited.versions[1]?.text).toBeUndefined();
    expect(edited.versions[1]?.patch).toContain(
      '+Client reported poor sleep, about four hours a night.',
    );
    expect(noteText(edited, 1)).toBe(renderNoteText(draft));
    expect(noteText(edited)).toContain('about four hours a night');
    expect(note.versions).toHaveLength(1);
  });

  it('signing locks: edits are refused, amendments add a version with its reason', () => {
    const signed = signNote(
      createNote(draft, { id: 'n1', at: '2026-12-01T17:00:00-06:00' }),
      signer,
    );
    expect(signed.status).toBe('signed');
    expect(signed.signatures[0]).toMatchObject({
      clinicianId: 'clin-1',
      version: 1,
    });
    expect(() =>
      editNote(signed, 'changed', { clinicianId: 'clin-1', at: signer.at }),
    ).toThrow(expect.objectContaining({ kind: 'note_locked' }));
    expect(() => signNote(signed, signer)).toThrow(
      expect.objectContaining({ kind: 'note_locked' }),
    );
    expect(() =>
      amendNote(signed, { ...signer, reason: ' ', text: 'x' }),
    ).toThrow(expect.objectContaining({ kind: 'note_invalid' }));

    const amended = amendNote(signed, {
      ...signer,
      at: '2026-12-02T09:00:00-06:00',
      reason: 'Corrected next appointment time',
      text: noteText(signed).replace('four', 'five'),
    });
    expect(amended.status).toBe('amended');
    expect(amended.versions).toHaveLength(2);
    expect(amended.versions[1]).toMatchObject({
      kind: 'amendment',
      reason: 'Corrected next appointment time',
    });
    expect(noteText(amended, 1)).toContain('at four');
    expect(noteText(amended)).toContain('at five');
    expect(amended.signatures).toHaveLength(2);
    expect(() =>
      editNote(amended, 'x', { clinicianId: 'clin-1', at: signer.at }),
    ).toThrow(expect.objectContaining({ kind: 'note_locked' }));
  });

  it('refuses to sign empty or unreviewed incomplete drafts', () => {
    const empty = createNote(
      { format: 'soap', engine: 'rules', noContent: true, sections: [] },
      { id: 'n2', at: signer.at },
    );
    expect(() => signNote(empty, signer)).toThrow(
      expect.objectContaining({ kind: 'note_invalid' }),
    );
    const cut = createNote(
      { ...draft, incomplete: true },
      { id: 'n3', at: signer.at },
    );
    expect(() => signNote(cut, signer)).toThrow(
      expect.objectContaining({ kind: 'note_invalid' }),
    );
    const reviewed = editNote(cut, `${noteText(cut)}Reviewed.\n`, {
      clinicianId: 'clin-1',
      at: signer.at,
    });
    expect(signNote(reviewed, signer).status).toBe('signed');
  });

  it('builds a valid FHIR Provenance naming the drafting device and the signer', () => {
    const signed = signNote(
      createNote(draft, { id: 'n1', at: signer.at }),
      signer,
    );
    const amended = amendNote(signed, {
      ...signer,
      reason: 'Added detail',
      text: `${noteText(signed)}Addendum.\n`,
    });
    const provenance = toFhirProvenance(amended, {
      target: { reference: 'DocumentReference/doc-1' },
      patient: { reference: 'Patient/p-1' },
    });
    expect(structureErrors(provenance)).toEqual([]);
    expect(provenance.agent.map((a) => a.type?.coding?.[0]?.code)).toEqual([
      'author',
      'attester',
    ]);
    expect(provenance.contained?.[0]).toMatchObject({ resourceType: 'Device' });
    expect(provenance.signature).toHaveLength(2);
    expect(provenance.reason?.[0]?.text).toBe('Added detail');
    expect(() =>
      toFhirProvenance(createNote(draft, { id: 'n4', at: signer.at }), {
        target: { reference: 'DocumentReference/d' },
      }),
    ).toThrow(expect.objectContaining({ kind: 'note_invalid' }));
  });

  it('keeps private process notes apart and never exportable', () => {
    const note = signNote(
      createNote(draft, { id: 'n1', at: signer.at }),
      signer,
    );
    const processNote = createProcessNote({
      id: 'p1',
      noteId: 'n1',
      clinicianId: 'clin-1',
      text: 'Private impressions.',
      createdAt: signer.at,
    });
    expect(() => assertExportable(note)).not.toThrow();
    expect(() => assertExportable(processNote)).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
    expect(() => assertExportable({ bundle: [note, processNote] })).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
    expect(
      JSON.stringify(
        toFhirProvenance(note, {
          target: { reference: 'DocumentReference/d' },
        }),
      ),
    ).not.toContain('Private impressions');
  });
});
