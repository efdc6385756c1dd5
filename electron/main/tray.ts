import path from 'node:path';
import { app, globalShortcut, Menu, nativeImage, Tray } from 'electron';
import type { CaptureStatus } from '../contract/contract';

/** Toggles recording from anywhere (the video tool has the focus). */
export const RECORD_SHORTCUT = 'CommandOrControl+Shift+R';

export interface TrayHandle {
  /** Shows the capture state in the icon and menu. */
  update(status: CaptureStatus): void;
  dispose(): void;
}

/**
 * The tray icon and the global shortcut: both show whether Hushnote is
 * recording and toggle it; the renderer does the toggling (it knows the
 * session and the consent record).
 */
export function createTray(options: {
  show: () => void;
  toggleRecording: () => void;
}): TrayHandle {
  const icons = path.join(app.getAppPath(), 'resources', 'icons');
  const idle = nativeImage.createFromPath(path.join(icons, 'trayTemplate.png'));
  const recording = nativeImage.createFromPath(
    path.join(icons, 'tray-recording.png'),
  );
  const tray = new Tray(idle);

  const menu = (live: boolean) =>
    Menu.buildFromTemplate([
      { label: live ? 'Recording…' : 'Not recording', enabled: false },
      {
        label: live ? 'Stop recording' : 'Start recording',
        accelerator: RECORD_SHORTCUT,
        click: options.toggleRecording,
      },
      { label: 'Show Hushnote', click: options.show },
      { type: 'separator' },
      { label: 'Quit', role: 'quit' },
    ]);

  tray.setToolTip('Hushnote');
  tray.setContextMenu(menu(false));
  globalShortcut.register(RECORD_SHORTCUT, options.toggleRecording);

  return {
    update: (status) => {
      const live = status.state === 'recording' || status.state === 'paused';
      tray.setImage(live ? recording : idle);
      tray.setToolTip(live ? 'Hushnote: recording' : 'Hushnote');
      tray.setContextMenu(menu(live));
    },
    dispose: () => {
      globalShortcut.unregister(RECORD_SHORTCUT);
      tray.destroy();
    },
  };
}
