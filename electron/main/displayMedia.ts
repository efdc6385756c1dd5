import { desktopCapturer, session } from 'electron';

/**
 * macOS 13+ and Windows: lets the app's own page capture the system audio
 * (the video tool's sound: the client) through `getDisplayMedia` with
 * Electron's audio loopback, without a picker. The renderer drops the
 * video track at once; only sound is kept. On Linux the core's
 * PulseAudioSource captures the output monitor instead.
 */
export function allowSystemAudioLoopback(): void {
  if (process.platform !== 'darwin' && process.platform !== 'win32') return;
  session.defaultSession.setDisplayMediaRequestHandler(
    (_request, callback) => {
      void desktopCapturer.getSources({ types: ['screen'] }).then((sources) => {
        const screen = sources[0];
        // No screen to attach the loopback to: refuse rather than guess.
        if (screen) callback({ video: screen, audio: 'loopback' });
        else callback({});
      });
    },
    { useSystemPicker: false },
  );
}
