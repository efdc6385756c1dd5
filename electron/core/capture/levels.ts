import type { CaptureChannel } from '../../contract/captureContract';

/** RMS of 16-bit PCM, 0..1 of full scale. */
export function rmsOf(pcm: Int16Array): number {
  if (pcm.length === 0) return 0;
  let sum = 0;
  for (const s of pcm) sum += s * s;
  return Math.sqrt(sum / pcm.length) / 32768;
}

/**
 * A meter level 0..1 from RMS: -60 dBFS reads 0 and 0 dBFS reads 1, so
 * quiet speech through a headset still moves the meter visibly.
 */
export function meterLevel(rms: number): number {
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db + 60) / 60));
}

/** Speech or call audio is above this RMS (about -46 dBFS); room noise is below. */
export const ACTIVE_RMS = 0.005;

/** Issue #10: alert within 10 s of one channel silent while the other is active. */
export const SILENT_ALERT_SEC = 8;

/**
 * Watches both channels for the wrong device or a missing permission: one
 * channel silent for SILENT_ALERT_SEC while the other carried sound in that
 * time. Both silent is a pause in talk, not a fault.
 */
export class SilenceWatch {
  private readonly lastActive: Record<CaptureChannel, number | null> = {
    mic: null,
    system: null,
  };
  private startedAt = 0;

  reset(nowSec: number): void {
    this.startedAt = nowSec;
    this.lastActive.mic = null;
    this.lastActive.system = null;
  }

  /** Records one block's RMS for a channel at a time (seconds). */
  observe(channel: CaptureChannel, rms: number, nowSec: number): void {
    if (rms >= ACTIVE_RMS) this.lastActive[channel] = nowSec;
  }

  /** The channel to warn about now, if any. */
  silent(nowSec: number): CaptureChannel | null {
    for (const [quiet, loud] of [
      ['mic', 'system'],
      ['system', 'mic'],
    ] as const) {
      const quietSince = this.lastActive[quiet] ?? this.startedAt;
      const loudAt = this.lastActive[loud];
      if (
        nowSec - quietSince >= SILENT_ALERT_SEC &&
        loudAt !== null &&
        loudAt > quietSince
      ) {
        return quiet;
      }
    }
    return null;
  }
}
