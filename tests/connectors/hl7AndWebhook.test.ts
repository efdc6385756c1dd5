import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import HL7 from 'hl7-standard';
import { Server as Hl7Server, type Hl7Message } from 'simple-hl7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnector } from '../../electron/core/connectors/createConnector';
import { pushSession } from '../../electron/core/connectors/pushSession';
import {
  SIGNATURE_HEADER,
  verifyWebhookSignature,
} from '../../electron/core/connectors/webhook/webhookSignature';
import { demoSession } from './demoSession';

const RECIPIENT = {
  name: 'Practice EHR',
  class: 'treating-providers' as const,
};
const PARTIES = {
  sendingApplication: 'HUSHNOTE',
  sendingFacility: 'RIVERA',
  receivingApplication: 'EHR',
  receivingFacility: 'RIVERA',
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hushnote-connectors-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HL7 v2 MDM^T02', () => {
  it('drops a message that a maintained HL7 library parses, once', async () => {
    const drop = path.join(dir, 'hl7-drop');
    const connector = createConnector({
      kind: 'hl7v2-mdm',
      id: 'hl7',
      name: 'Practice EHR',
      recipient: RECIPIENT,
      transport: { type: 'file', dir: drop },
      ...PARTIES,
    });
    const first = await pushSession(connector, demoSession());
    const again = await pushSession(connector, demoSession());
    expect(first.created).toBe(1);
    expect(again.created).toBe(0);
    expect(readdirSync(drop)).toHaveLength(1);

    const raw = readFileSync(first.locations[0] ?? '', 'utf8');
    const hl7 = new HL7(raw);
    hl7.transform();
    expect(hl7.get('MSH.9.1')).toBe('MDM');
    expect(hl7.get('MSH.9.2')).toBe('T02');
    expect(hl7.get('MSH.12')).toBe('2.5.1');
    expect(hl7.get('PID.5.1')).toBe("O'Rourke-Demo");
    expect(hl7.get('PID.7')).toBe('19880412');
    expect(hl7.get('TXA.2.1')).toBe('34904-3');
    expect(hl7.get('TXA.17')).toBe('AU');
    expect(hl7.get('TXA.12')).toBe('note-session-demo-0001');
    // One OBX per note line plus the PDF.
    const noteLines = demoSession().note.text.split('\n').length;
    expect(hl7.getSegments('OBX')).toHaveLength(noteLines + 1);
    expect(hl7.get('PID.11.2')).toBe('Apt *3');
  });

  it('escapes HL7 delimiters inside the note text', async () => {
    const drop = path.join(dir, 'hl7-escape');
    const connector = createConnector({
      kind: 'hl7v2-mdm',
      id: 'hl7',
      name: 'Practice EHR',
      recipient: RECIPIENT,
      transport: { type: 'file', dir: drop },
      ...PARTIES,
    });
    const input = demoSession({ sessionId: 'session-escape' });
    input.note = {
      ...input.note,
      text: 'PHQ-9 15/27 | GAD-7 ^9^ & stable ~ see \\ plan',
    };
    const { locations } = await pushSession(connector, input);
    const hl7 = new HL7(readFileSync(locations[0] ?? '', 'utf8'));
    hl7.transform();
    expect(hl7.getSegments('OBX')).toHaveLength(2);
    expect(hl7.get('OBX.5')).toBe(
      'PHQ-9 15/27 \\F\\ GAD-7 \\S\\9\\S\\ \\T\\ stable \\R\\ see \\E\\ plan',
    );
  });

  it('sends over MLLP and accepts the receiver’s AA acknowledgement', async () => {
    const received: Hl7Message[] = [];
    const server = Hl7Server.createTcpServer((err, req, res) => {
      if (err) return;
      received.push(req.msg);
      res.end();
    });
    server.start(0);
    await new Promise<void>((resolve) =>
      server.server.once('listening', resolve),
    );
    const port = (server.server.address() as AddressInfo).port;
    try {
      const connector = createConnector({
        kind: 'hl7v2-mdm',
        id: 'mllp',
        name: 'Practice EHR',
        recipient: RECIPIENT,
        transport: { type: 'mllp', host: '127.0.0.1', port, timeoutMs: 10_000 },
        ...PARTIES,
      });
      const result = await pushSession(connector, demoSession());
      expect(result.created).toBe(1);
      expect(received).toHaveLength(1);
      expect(received[0]?.header.getComponent(7, 2)).toBe('T02');
      expect(received[0]?.getSegment('TXA').getField(12)).toBe(
        'note-session-demo-0001',
      );
    } finally {
      server.stop();
    }
  });

  it('refuses plain MLLP to another machine', () => {
    expect(() =>
      createConnector({
        kind: 'hl7v2-mdm',
        id: 'x',
        name: 'x',
        recipient: RECIPIENT,
        transport: { type: 'mllp', host: 'ehr.example.org', port: 2575 },
        ...PARTIES,
      }),
    ).toThrow(/TLS/);
  });
});

describe('webhook', () => {
  it('posts signed JSON whose HMAC signature verifies', async () => {
    const secret = 'whsec-test-0123456789abcdef';
    const seen: { body: string; signature: string }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({
          body: Buffer.concat(chunks).toString('utf8'),
          signature: String(req.headers[SIGNATURE_HEADER]),
        });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/hushnote`;
    const nowMs = Date.parse('2026-11-03T22:10:00Z');
    try {
      const connector = createConnector(
        {
          kind: 'webhook',
          id: 'hook',
          name: 'Practice EHR',
          url,
          secret,
          recipient: RECIPIENT,
        },
        { now: () => nowMs },
      );
      await pushSession(connector, demoSession());
    } finally {
      server.close();
    }
    const [hit] = seen;
    const nowS = nowMs / 1000;
    expect(
      verifyWebhookSignature(
        secret,
        hit?.signature ?? '',
        hit?.body ?? '',
        nowS,
      ),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        'another-secret-0123456789',
        hit?.signature ?? '',
        hit?.body ?? '',
        nowS,
      ),
    ).toBe(false);
    expect(
      verifyWebhookSignature(
        secret,
        hit?.signature ?? '',
        `${hit?.body ?? ''} `,
        nowS,
      ),
    ).toBe(false);
    expect(
      verifyWebhookSignature(
        secret,
        hit?.signature ?? '',
        hit?.body ?? '',
        nowS + 3600,
      ),
    ).toBe(false);
    const payload = JSON.parse(hit?.body ?? '{}') as {
      event: string;
      bundle: { resourceType: string };
    };
    expect(payload.event).toBe('session.signed');
    expect(payload.bundle.resourceType).toBe('Bundle');
  });
});

describe('file export', () => {
  it('writes the FHIR Bundle and the note PDF', async () => {
    const out = path.join(dir, 'export');
    const connector = createConnector({
      kind: 'file-export',
      id: 'files',
      name: 'Copy-in folder',
      dir: out,
      recipient: RECIPIENT,
    });
    const result = await pushSession(connector, demoSession());
    expect(result.locations.map((p) => path.basename(p))).toEqual([
      'bundle.json',
      'note.pdf',
    ]);
    const bundle = JSON.parse(
      readFileSync(result.locations[0] ?? '', 'utf8'),
    ) as { type: string; entry: unknown[] };
    expect(bundle.type).toBe('transaction');
    expect(
      readFileSync(result.locations[1] ?? '')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
