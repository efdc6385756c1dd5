import {
  methodName,
  type Channel,
  type EventMap,
  type EventName,
  type RequestOf,
  type ResponseOf,
  type Transport,
} from '../../../electron/contract/contract';
import type { ErrorInfo, Reply } from '../../../electron/contract/errors';

/** What the preload exposes on `window.hushnote` in the desktop app. */
interface PreloadApi {
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
  [method: string]: unknown;
}

declare global {
  interface Window {
    hushnote?: PreloadApi;
  }
}

/** A failed call, carrying the contract's error kind. */
export class CallError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

export interface Client {
  call<C extends Channel>(
    channel: C,
    request: RequestOf<C>,
  ): Promise<ResponseOf<C>>;
  onEvent<E extends EventName>(
    name: E,
    listener: (payload: EventMap[E]) => void,
  ): () => void;
}

export function createClient(
  transport: Transport,
  events: EventSource,
): Client {
  return {
    async call(channel, request) {
      const reply = await transport(channel, request);
      if (!reply.ok) throw new CallError(reply.error);
      return reply.data as ResponseOf<typeof channel>;
    },
    onEvent(name, listener) {
      return events((eventName, payload) => {
        // Compared as strings: the map may grow beyond one event name.
        if ((eventName as string) === (name as string)) {
          listener(payload as EventMap[typeof name]);
        }
      });
    },
  };
}

type EventSource = (
  listener: (name: EventName, payload: unknown) => void,
) => () => void;

/** Desktop app: the preload's named functions. */
function preloadTransport(api: PreloadApi): Transport {
  return async (channel, request) => {
    const fn = api[methodName(channel)];
    if (typeof fn !== 'function') {
      return {
        ok: false,
        error: { kind: 'invalid_request', message: 'Unknown channel.' },
      };
    }
    const reply = await (
      fn as (r: unknown) => Promise<Reply<unknown> | undefined>
    )(request);
    return reply ?? internal();
  };
}

/** Browser bridge: POST /api/<channel> with the per-launch token. */
function bridgeTransport(token: string): Transport {
  return async (channel, request) => {
    const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(request),
    });
    return (await response.json()) as Reply<unknown>;
  };
}

function bridgeEvents(token: string): EventSource {
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const socket = new WebSocket(
    `ws://${location.host}/events?token=${encodeURIComponent(token)}`,
  );
  socket.addEventListener('message', (message) => {
    const { name, payload } = JSON.parse(String(message.data)) as {
      name: EventName;
      payload: unknown;
    };
    for (const listener of listeners) listener(name, payload);
  });
  return (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
}

function internal(): Reply<never> {
  return {
    ok: false,
    error: { kind: 'internal', message: 'No reply from Hushnote.' },
  };
}

/** The bridge token arrives in the URL fragment and is kept for the tab only. */
function bridgeToken(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('hushnote.token', fromHash);
    history.replaceState(null, '', location.pathname);
    return fromHash;
  }
  return sessionStorage.getItem('hushnote.token') ?? '';
}

export function connect(): Client {
  const api = window.hushnote;
  if (api) return createClient(preloadTransport(api), (l) => api.onEvent(l));
  const token = bridgeToken();
  return createClient(bridgeTransport(token), bridgeEvents(token));
}
