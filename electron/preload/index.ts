import { contextBridge, ipcRenderer } from 'electron';
import {
  CHANNELS,
  methodName,
  type Channel,
  type EventName,
} from '../contract/contract';

// Named functions derived from the contract; `ipcRenderer` itself is never
// exposed, so the renderer can only call channels that exist.
const api: Record<string, (request: unknown) => Promise<unknown>> = {};
for (const channel of CHANNELS) {
  api[methodName(channel)] = (request: unknown) =>
    ipcRenderer.invoke(channel, request);
}

contextBridge.exposeInMainWorld('hushnote', {
  ...api,
  channels: [...CHANNELS] satisfies Channel[],
  onEvent: (listener: (name: EventName, payload: unknown) => void) => {
    const wrapped = (_event: unknown, name: EventName, payload: unknown) => {
      listener(name, payload);
    };
    ipcRenderer.on('core:event', wrapped);
    return () => ipcRenderer.off('core:event', wrapped);
  },
});
