// Minimal types for the two HL7 v2 libraries the tests use as independent parsers.
declare module 'hl7-standard' {
  export default class HL7 {
    constructor(raw: string, options?: { lineEndings?: string });
    transform(callback?: (err: unknown) => void): void;
    get(path: string): string;
    getSegments(type: string): unknown[];
  }
}

declare module 'simple-hl7' {
  import type { Server as NetServer } from 'node:net';
  export interface Hl7Message {
    header: {
      getField(i: number): string;
      getComponent(i: number, j: number): string;
    };
    getSegment(type: string): {
      getField(i: number): string;
      getComponent(i: number, j: number): string;
    };
    getSegments(type: string): { getField(i: number): string }[];
    log(): string;
    toString(): string;
  }
  export interface TcpServer {
    server: NetServer;
    start(port: number): void;
    stop(): void;
  }
  export const Server: {
    createTcpServer(
      handler: (
        err: unknown,
        req: { msg: Hl7Message; raw: string },
        res: { ack: Hl7Message; end(): void },
      ) => void,
    ): TcpServer;
  };
  export class Parser {
    parse(raw: string): Hl7Message;
  }
}
