import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getInstrument, loadInstruments } from './instruments';
import { scoreWith } from './score';

// Item texts and codes as in DOMAIN.md 3.2 and 3.3.
const PHQ9 = [
  ['44250-9', 'Little interest or pleasure in doing things'],
  ['44255-8', 'Feeling down, depressed, or hopeless'],
  ['44259-0', 'Trouble falling or staying asleep, or sleeping too much'],
  ['44254-1', 'Feeling tired or having little energy'],
  ['44251-7', 'Poor appetite or overeating'],
  [
    '44258-2',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
  ],
  [
    '44252-5',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
  ],
  [
    '44253-3',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
  ],
  [
    '44260-8',
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  ],
];

const GAD7 = [
  ['69725-0', 'Feeling nervous, anxious, or on edge'],
  ['68509-9', 'Not being able to stop or control worrying'],
  ['69733-4', 'Worrying too much about different things'],
  ['69734-2', 'Trouble relaxing'],
  ['69735-9', 'Being so restless that it is hard to sit still'],
  ['69689-8', 'Becoming easily annoyed or irritable'],
  ['69736-7', 'Feeling afraid, as if something awful might happen'],
];

describe('bundled instruments', () => {
  it('holds the PHQ-9 item texts, LOINC codes and the Pfizer copyright', () => {
    const phq9 = getInstrument('phq9');
    expect(
      phq9.items.slice(0, 9).map((item) => [item.loinc, item.text]),
    ).toEqual(PHQ9);
    expect(phq9.items[9]).toMatchObject({ loinc: '69722-7', scored: false });
    expect(phq9.loincPanel).toBe('44249-1');
    expect(phq9.loincTotal).toBe('44261-6');
    expect(phq9.copyright).toMatch(
      /^Copyright © Pfizer Inc\. All rights reserved\./,
    );
    expect(phq9.options.map((option) => [option.value, option.code])).toEqual([
      [0, 'LA6568-5'],
      [1, 'LA6569-3'],
      [2, 'LA6570-1'],
      [3, 'LA6571-9'],
    ]);
  });

  it('holds the GAD-7 item texts and codes, and the two-item screeners', () => {
    const gad7 = getInstrument('gad7');
    expect(gad7.items.map((item) => [item.loinc, item.text])).toEqual(GAD7);
    expect(gad7.loincTotal).toBe('70274-6');
    expect(getInstrument('phq2').loincPanel).toBe('55757-9');
    expect(getInstrument('gad2').items.map((item) => item.text)).toEqual(
      GAD7.slice(0, 2).map((i) => i[1]),
    );
    for (const id of ['phq9', 'phq2', 'gad7', 'gad2']) {
      expect(getInstrument(id).copyright).toContain('Pfizer');
    }
  });

  it('takes a new instrument from a JSON file with no code change', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'instruments-'));
    const freq = [0, 1, 2, 3, 4].map((value) => ({
      value,
      label: `level ${value}`,
    }));
    const auditC = {
      id: 'audit-c',
      name: 'AUDIT-C',
      title: 'Alcohol Use Disorders Identification Test - Consumption',
      stem: 'Answer about the past year.',
      loincPanel: '72109-2',
      loincTotal: '75626-2',
      options: freq,
      items: [
        {
          index: 1,
          linkId: '/68518-0',
          loinc: '68518-0',
          text: 'How often do you have a drink?',
          scored: true,
        },
        {
          index: 2,
          linkId: '/68519-8',
          loinc: '68519-8',
          text: 'How many drinks on a typical day?',
          scored: true,
        },
        {
          index: 3,
          linkId: '/68520-6',
          loinc: '68520-6',
          text: 'How often six or more drinks?',
          scored: true,
        },
      ],
      bands: [
        { min: 0, max: 3, label: 'negative' },
        { min: 4, max: 12, label: 'positive' },
      ],
      proration: { maxMissing: 0 },
    };
    writeFileSync(path.join(dir, 'audit-c.json'), JSON.stringify(auditC));

    const loaded = loadInstruments(dir).get('audit-c');
    expect(loaded).toBeDefined();
    if (!loaded) return;
    const result = scoreWith(loaded, [4, 1, 0], 'form');
    expect(result.total).toBe(5);
    expect(result.severity).toBe('positive');
  });

  it('rejects a malformed instrument file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'instruments-'));
    writeFileSync(
      path.join(dir, 'bad.json'),
      JSON.stringify({ id: 'bad', items: [] }),
    );
    expect(() => loadInstruments(dir)).toThrow(/bad\.json is invalid/);
  });
});
