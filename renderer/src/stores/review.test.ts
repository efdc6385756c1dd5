import { beforeEach, describe, expect, it } from 'vitest';
import { FakeFailure, fakeClient } from '../api/fakeClient';
import { selectedClipRequest, useReview } from './review';
import { detail } from './testData';

function reset() {
  useReview.setState({
    detail: undefined,
    selected: undefined,
    focus: undefined,
    edits: {},
    busy: false,
    error: undefined,
  });
}

describe('review store', () => {
  beforeEach(reset);

  it('opens a session and highlights the evidence of a clicked sentence', async () => {
    const fake = fakeClient();
    fake.answer('session:get', () => detail());
    await useReview.getState().open(fake.client, 's1');

    useReview.getState().select('n1');
    expect(useReview.getState().focus?.segmentIds).toEqual(['g2']);
    expect(useReview.getState().focus?.start).toBe(5);
  });

  it('saves edits as a new draft version and clears them', async () => {
    const fake = fakeClient();
    fake.answer('session:get', () => detail());
    fake.answer('note:edit', () => detail().note);
    await useReview.getState().open(fake.client, 's1');

    useReview.getState().edit('n1', 'Client reports poor sleep all week.');
    await useReview.getState().save(fake.client);

    const sent = fake.calls.find((c) => c.channel === 'note:edit')?.request as {
      draft: { sections: { sentences: { text: string }[] }[] };
    };
    expect(sent.draft.sections[0]?.sentences[0]?.text).toBe(
      'Client reports poor sleep all week.',
    );
    expect(useReview.getState().edits).toEqual({});
  });

  it('refuses to sign over unsaved edits', async () => {
    const fake = fakeClient();
    fake.answer('session:get', () => detail());
    await useReview.getState().open(fake.client, 's1');
    useReview.getState().edit('n1', 'changed');

    await useReview.getState().sign(fake.client);
    expect(useReview.getState().error).toMatch(/Save or discard/);
    expect(fake.calls.some((c) => c.channel === 'note:sign')).toBe(false);
  });

  it('signs, then shows the reloaded signed note', async () => {
    const fake = fakeClient();
    let signed = false;
    fake.answer('session:get', () => detail(signed ? 'signed' : 'draft'));
    fake.answer('note:sign', () => {
      signed = true;
      return detail('signed').note;
    });
    await useReview.getState().open(fake.client, 's1');
    await useReview.getState().sign(fake.client);
    expect(useReview.getState().detail?.note?.status).toBe('signed');
  });

  it('shows the error kind in plain words when a call fails', async () => {
    const fake = fakeClient();
    fake.answer('session:get', () => detail('signed'));
    fake.answer('note:edit', () => {
      throw new FakeFailure({ kind: 'note_locked', message: '' });
    });
    await useReview.getState().open(fake.client, 's1');
    useReview.getState().edit('n1', 'x');
    await useReview.getState().save(fake.client);
    expect(useReview.getState().error).toBe(
      'This note is signed. Amend it instead.',
    );
    expect(useReview.getState().busy).toBe(false);
  });

  it('switches the template through note:redraft and reloads the note', async () => {
    const fake = fakeClient();
    let format = 'soap';
    fake.answer('session:get', () => {
      const d = detail();
      if (d.note) d.note.draft.format = format;
      return d;
    });
    fake.answer('note:redraft', (r) => {
      format = (r as { format: string }).format;
      return detail().note;
    });
    await useReview.getState().open(fake.client, 's1');
    useReview.getState().select('n1');

    await useReview
      .getState()
      .redraft(fake.client, { format: 'birp', engine: 'rules' });
    expect(
      fake.calls.find((c) => c.channel === 'note:redraft')?.request,
    ).toEqual({ sessionId: 's1', format: 'birp', engine: 'rules' });
    expect(useReview.getState().detail?.note?.draft.format).toBe('birp');
    // The old sentence ids may be gone: nothing stays selected.
    expect(useReview.getState().selected).toBeUndefined();
  });

  it('redrafts one section and refuses to redraft over unsaved edits', async () => {
    const fake = fakeClient();
    fake.answer('session:get', () => detail());
    fake.answer('note:redraft', () => detail().note);
    await useReview.getState().open(fake.client, 's1');

    useReview.getState().edit('n1', 'changed');
    await useReview.getState().redraft(fake.client, {
      format: 'soap',
      engine: 'llm',
      sectionId: 'subjective',
    });
    expect(useReview.getState().error).toMatch(/Save or discard/);
    expect(fake.calls.some((c) => c.channel === 'note:redraft')).toBe(false);

    useReview.getState().discard();
    await useReview.getState().redraft(fake.client, {
      format: 'soap',
      engine: 'llm',
      sectionId: 'subjective',
    });
    expect(fake.calls.at(-2)).toEqual({
      channel: 'note:redraft',
      request: {
        sessionId: 's1',
        format: 'soap',
        engine: 'llm',
        sectionId: 'subjective',
      },
    });
  });

  it('asks to play the selected sentence’s evidence, padded', async () => {
    const fake = fakeClient();
    fake.answer('session:get', () => detail());
    await useReview.getState().open(fake.client, 's1');
    expect(selectedClipRequest(useReview.getState())).toBeUndefined();

    useReview.getState().select('n1');
    expect(selectedClipRequest(useReview.getState())).toEqual({
      sessionId: 's1',
      sentenceId: 'n1',
      start: 4.75,
      end: 9.25,
    });
  });
});
