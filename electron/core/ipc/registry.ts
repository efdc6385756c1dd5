import {
  contract,
  isChannel,
  type Channel,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../contract/contract';
import { AppError, toErrorInfo, type Reply } from '../../contract/errors';
import { log } from '../log/logger';

/** Who is calling, for access control and the audit trail. */
export interface CallContext {
  origin: 'ipc' | 'bridge' | 'cli' | 'test';
  userId?: string;
}

export type Handler<C extends Channel> = (
  request: ParsedRequestOf<C>,
  context: CallContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

type AnyHandler = (request: unknown, context: CallContext) => unknown;

/**
 * Maps contract channels to core handlers. Every payload is validated with
 * the channel's schema before a handler sees it; every reply is a value,
 * never a thrown error.
 */
export class HandlerRegistry {
  private readonly handlers = new Map<Channel, AnyHandler>();
  private gate: ((name: Channel, context: CallContext) => void) | undefined;

  /**
   * Sets the check every call passes before its handler (sign-in, idle
   * lock); it throws an AppError to refuse.
   */
  setGate(gate: (name: Channel, context: CallContext) => void): void {
    this.gate = gate;
  }

  register<C extends Channel>(name: C, handler: Handler<C>): void {
    if (this.handlers.has(name)) {
      throw new Error(`Handler for ${name} is already registered`);
    }
    this.handlers.set(name, handler as AnyHandler);
  }

  registered(): Channel[] {
    return [...this.handlers.keys()];
  }

  async dispatch(
    name: string,
    payload: unknown,
    context: CallContext,
  ): Promise<Reply<unknown>> {
    if (!isChannel(name)) return invalid(`Unknown channel.`);
    const handler = this.handlers.get(name);
    if (!handler) return invalid(`No handler for ${name}.`);

    const parsed = contract[name].request.safeParse(payload ?? {});
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') ?? '';
      return invalid(
        `Invalid request for ${name}${where ? ` at ${where}` : ''}.`,
      );
    }

    try {
      this.gate?.(name, context);
      return { ok: true, data: await handler(parsed.data, context) };
    } catch (error) {
      const info = toErrorInfo(error);
      if (info.kind === 'internal') {
        log().error('ipc.handler_failed', { channel: name, error });
      }
      return { ok: false, error: info };
    }
  }
}

function invalid(message: string): Reply<never> {
  return {
    ok: false,
    error: new AppError('invalid_request', message).toInfo(),
  };
}
