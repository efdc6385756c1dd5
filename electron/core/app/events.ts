import { EventEmitter } from 'node:events';
import type { EventMap, EventName } from '../../contract/contract';

/** Typed pushed events (progress, live transcript) for every front end. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  emit<E extends EventName>(name: E, payload: EventMap[E]): void {
    this.emitter.emit('event', name, payload);
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  onAny(listener: (name: EventName, payload: unknown) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
