import { useEffect } from 'react';
import { useCapture } from '../stores/capture';
import { useImport } from '../stores/importJob';
import { useNavigation } from '../stores/navigation';
import { consentRequired, useSettings } from '../stores/settings';
import type { Client } from './client';

/** Routes pushed core events to the stores that follow them, for the app's life. */
export function useCoreEvents(client: Client): void {
  useEffect(() => {
    const stops = [
      client.onEvent('progress', (e) => useImport.getState().onProgress(e)),
      client.onEvent('job', (e) => useImport.getState().onJob(e)),
      client.onEvent('capture', (e) => useCapture.getState().onStatus(e)),
      client.onEvent('segment', (e) => useCapture.getState().onSegment(e)),
      client.onEvent('risk', (e) => useCapture.getState().onRisk(e)),
      client.onEvent('shortcut', () => {
        const sessionId = useNavigation.getState().sessionId;
        void useCapture
          .getState()
          .toggle(
            client,
            sessionId,
            consentRequired(useSettings.getState().settings),
          );
      }),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, [client]);
}
