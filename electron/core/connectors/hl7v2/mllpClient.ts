import { connect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { AppError } from '../../../contract/errors';

const START = 0x0b;
const END = Buffer.from([0x1c, 0x0d]);

export interface MllpTarget {
  host: string;
  port: number;
  /** MLLP over TLS; required unless the host is this machine. */
  tls: boolean;
  timeoutMs: number;
}

/**
 * Sends one HL7 v2 message framed with MLLP (HL7 v2 Appendix C: VT, the
 * message, FS CR) and returns the acknowledgement message.
 */
export function sendMllp(target: MllpTarget, message: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = target.tls
      ? tlsConnect({
          host: target.host,
          port: target.port,
          servername: target.host,
          minVersion: 'TLSv1.2',
        })
      : connect({ host: target.host, port: target.port });
    let received = Buffer.alloc(0);
    const fail = (why: string) => {
      socket.destroy();
      reject(new AppError('ehr_unreachable', why));
    };

    socket.setTimeout(target.timeoutMs, () =>
      fail('The HL7 endpoint did not acknowledge in time.'),
    );
    socket.on('error', () => fail('The HL7 endpoint could not be reached.'));
    socket.on('close', () =>
      fail('The HL7 endpoint closed the connection before acknowledging.'),
    );
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf(END);
      if (end < 0) return;
      const start = received.indexOf(START);
      socket.removeAllListeners('close');
      socket.end();
      resolve(received.subarray(start + 1, end).toString('utf8'));
    });
    socket.write(
      Buffer.concat([Buffer.from([START]), Buffer.from(message, 'utf8'), END]),
    );
  });
}

/**
 * Checks an HL7 ACK: MSA-1 AA/CA accepts; AE/AR/CE/CR reject with the
 * receiver's text (MSA-3 or ERR-8).
 */
export function checkAck(ack: string): void {
  const segments = ack.split(/\r\n|\r|\n/);
  const msa = segments.find((s) => s.startsWith('MSA'))?.split('|');
  const code = msa?.[1] ?? '';
  if (code === 'AA' || code === 'CA') return;
  const err = segments.find((s) => s.startsWith('ERR'))?.split('|');
  const said = msa?.[3] || err?.[8] || 'no reason given';
  if (code === 'AR' || code === 'CR') {
    throw new AppError(
      'ehr_rejected',
      `The HL7 receiver rejected the message (${code}): ${said.slice(0, 300)}`,
    );
  }
  if (code === 'AE' || code === 'CE') {
    throw new AppError(
      'ehr_rejected',
      `The HL7 receiver reported an error (${code}): ${said.slice(0, 300)}`,
    );
  }
  throw new AppError(
    'ehr_unreachable',
    'The HL7 endpoint answered without an acknowledgement.',
  );
}
