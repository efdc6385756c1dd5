import { availableParallelism } from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, safeStorage } from 'electron';
import { CHANNELS, type CaptureStatus } from '../contract/contract';
import { createAppCore } from '../core/app/appCore';
import { openLiveStream } from '../core/capture/liveStream';
import { SafeStorageKeyStore } from '../core/keys/safeStorageKeyStore';
import { realEngines } from '../core/pipeline/realEngines';
import { createLogger, setLogger } from '../core/log/logger';
import { allowSystemAudioLoopback } from './displayMedia';
import { hardenSession, hardenWindow } from './security';
import { createTray } from './tray';

// Electron wiring only: one window, the contract's channels bound to the core.
if (!app.requestSingleInstanceLock()) {
  app.quit();
}

let mainWindow: BrowserWindow | undefined;

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  setLogger(createLogger({ dir: path.join(userData, 'logs'), level: 'info' }));
  // The store key is wrapped by the OS through Electron's safeStorage.
  const core = await createAppCore({
    mode: 'electron',
    version: app.getVersion(),
    dataDir: userData,
    keyStore: new SafeStorageKeyStore(
      path.join(userData, 'keys.json'),
      safeStorage,
    ),
    // Leave a core for the video call itself.
    engines: realEngines({ threads: Math.max(1, availableParallelism() - 1) }),
    liveStream: () =>
      openLiveStream({ threads: Math.max(1, availableParallelism() - 1) }),
    ...(process.env['HUSHNOTE_EHR']
      ? { ehr: process.env['HUSHNOTE_EHR'] }
      : {}),
  });
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (_event, payload: unknown) =>
      core.registry.dispatch(channel, payload, { origin: 'ipc' }),
    );
  }
  core.events.onAny((name, payload) => {
    mainWindow?.webContents.send('core:event', name, payload);
  });

  hardenSession();
  allowSystemAudioLoopback();
  mainWindow = createWindow();

  const tray = createTray({
    show: () => mainWindow?.show(),
    toggleRecording: () =>
      core.events.emit('shortcut', { action: 'toggle-recording' }),
  });
  core.events.onAny((name, payload) => {
    if (name === 'capture') tray.update(payload as CaptureStatus);
  });
  app.on('will-quit', () => tray.dispose());
  app.on('before-quit', () => void core.close());
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    show: false,
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  hardenWindow(window);
  window.once('ready-to-show', () => window.show());

  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  if (devUrl) void window.loadURL(devUrl);
  else
    void window.loadFile(
      path.join(import.meta.dirname, '../renderer/index.html'),
    );
  return window;
}

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
void app.whenReady().then(start);
