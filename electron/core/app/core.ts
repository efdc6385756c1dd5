import { HandlerRegistry } from '../ipc/registry';
import { EventBus } from './events';

export interface CoreOptions {
  mode: 'electron' | 'bridge';
  version: string;
}

/**
 * The core as the desktop app and the browser bridge both see it: one handler
 * registry built from the contract, and one event bus for pushed events.
 */
export interface Core {
  registry: HandlerRegistry;
  events: EventBus;
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const registry = new HandlerRegistry();
  const events = new EventBus();

  registry.register('app:info', () => ({
    version: options.version,
    mode: options.mode,
    platform: process.platform,
  }));
  registry.register('app:echo', ({ text }) => ({ text }));

  return { registry, events, close: () => Promise.resolve() };
}
