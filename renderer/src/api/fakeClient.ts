import type {
  Channel,
  EventMap,
  EventName,
} from '../../../electron/contract/contract';
import type { ErrorInfo } from '../../../electron/contract/errors';
import { createClient, type Client } from './client';

type Answer = (request: unknown) => unknown;

/** Thrown by an answer to make the call fail with this error kind. */
export class FakeFailure extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

/**
 * A deterministic client for store tests and early screen work: each channel
 * answers from a function (throwing a FakeFailure fails the call),
 * every call is recorded, and events can be pushed by hand.
 */
export interface FakeClient {
  client: Client;
  calls: { channel: Channel; request: unknown }[];
  answer(channel: Channel, fn: Answer): void;
  push<E extends EventName>(name: E, payload: EventMap[E]): void;
}

export function fakeClient(): FakeClient {
  const answers = new Map<Channel, Answer>();
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const calls: FakeClient['calls'] = [];

  const client = createClient(
    (channel, request) => {
      calls.push({ channel, request });
      const fn = answers.get(channel);
      if (!fn)
        return Promise.resolve({
          ok: false,
          error: {
            kind: 'invalid_request',
            message: `No fake for ${channel}.`,
          },
        });
      try {
        return Promise.resolve({ ok: true, data: fn(request) });
      } catch (error) {
        if (error instanceof FakeFailure)
          return Promise.resolve({ ok: false, error: error.info });
        throw error;
      }
    },
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  );

  return {
    client,
    calls,
    answer: (channel, fn) => answers.set(channel, fn),
    push: (name, payload) => {
      for (const listener of listeners) listener(name, payload);
    },
  };
}
