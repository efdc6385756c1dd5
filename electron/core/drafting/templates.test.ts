import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTemplates, loadTemplate } from './templates';
import { BUILT_IN_FORMATS } from './types';

describe('note templates', () => {
  it('loads the four built-in formats, each with a risk and a plan section', () => {
    for (const format of BUILT_IN_FORMATS) {
      const template = loadTemplate(format);
      const ids = template.sections.map((s) => s.id);
      expect(ids).toContain(template.riskSection);
      expect(ids).toContain(template.planSection);
      const plan = template.sections.find((s) => s.id === template.planSection);
      expect(plan?.required).toEqual(
        expect.arrayContaining(['homework', 'next_appointment']),
      );
    }
    expect(loadTemplate('girp').sections[0]?.kinds).toContain('goal');
  });

  it('adds a clinician template from the custom folder and rejects a broken one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tpl-'));
    const pirp = {
      id: 'pirp',
      name: 'PIRP',
      title: 'PIRP progress note',
      riskSection: 'problem',
      planSection: 'plan',
      sections: [
        {
          id: 'problem',
          title: 'Problem',
          guidance: 'Problem and risk.',
          kinds: ['reported', 'risk'],
          required: ['risk'],
        },
        {
          id: 'plan',
          title: 'Plan',
          guidance: 'Next steps.',
          kinds: ['homework', 'next_appointment'],
          required: [],
        },
      ],
    };
    writeFileSync(path.join(dir, 'pirp.json'), JSON.stringify(pirp));
    expect(loadTemplate('pirp', { customDir: dir }).title).toBe(
      'PIRP progress note',
    );
    expect(listTemplates({ customDir: dir }).map((t) => t.id)).toContain(
      'pirp',
    );

    writeFileSync(
      path.join(dir, 'bad.json'),
      JSON.stringify({ ...pirp, id: 'bad', riskSection: 'plan' }),
    );
    expect(() => loadTemplate('bad', { customDir: dir })).toThrow(
      /risk section/,
    );
    expect(() => loadTemplate('nope', { customDir: dir })).toThrow(
      /No note template/,
    );
  });
});
