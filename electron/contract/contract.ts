import { z } from 'zod';
import type { Reply } from './errors';

/**
 * The one typed contract between the renderer and the core. Each channel maps
 * to a zod schema for its request (validated on every call entering the core)
 * and a response type. The main-process registry, the preload bridge, the
 * browser bridge and the renderer client are all derived from this object,
 * so renaming a channel breaks the build everywhere it is used.
 */
interface ChannelDef<Req extends z.ZodType, Res> {
  request: Req;
  /** Phantom: carries the response type only. */
  response?: Res;
}

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelDef<Req, Res> => ({ request });
}

const empty = z.object({}).strict();

export interface AppInfo {
  version: string;
  mode: 'electron' | 'bridge';
  platform: string;
}

export const contract = {
  'app:info': channel<AppInfo>()(empty),
  'app:echo': channel<{ text: string }>()(
    z.object({ text: z.string().max(200) }).strict(),
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = NonNullable<Contract[C]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/** `session:start` becomes `sessionStart`: the preload's function names. */
export function methodName(name: Channel): string {
  return name.replace(/[:-](\w)/g, (_, c: string) => c.toUpperCase());
}

/** What the preload and the browser bridge both expose to the renderer. */
export type Transport = (channel: Channel, request: unknown) => Promise<Reply<unknown>>;

/** Server-pushed events (progress, live transcript), by name. */
export interface EventMap {
  progress: { jobId: string; step: string; fraction: number };
}
export type EventName = keyof EventMap;
