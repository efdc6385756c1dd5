import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { redactFields, type LogFields } from './redact';

/**
 * One structured logger for the whole core. Each call names a stable event
 * (`stt.chunk_retry`) and passes a small field object of opaque ids and
 * numbers; the redaction layer drops anything else.
 */
export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** Folder for rotating log files; without it, logs go to stderr if enabled. */
  dir?: string;
  level?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

type Level = 'debug' | 'info' | 'warn' | 'error';

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? envLevel();
  const base = options.dir
    ? pino({ level }, fileTransport(options.dir))
    : pino({ level }, pino.destination(2));

  const write =
    (lvl: Level) =>
    (event: string, fields: LogFields = {}) => {
      base[lvl]({ ...redactFields(fields), event });
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
}

function envLevel(): LoggerOptions['level'] & string {
  const value = process.env['HUSHNOTE_LOG'];
  if (
    value === 'debug' ||
    value === 'info' ||
    value === 'warn' ||
    value === 'error'
  ) {
    return value;
  }
  return 'silent';
}

function fileTransport(dir: string): pino.DestinationStream {
  mkdirSync(dir, { recursive: true });
  // Daily files capped at 10 MB, keeping a week: enough to debug, small enough
  // that a log folder never becomes a second copy of anyone's history.
  return pino.transport({
    target: 'pino-roll',
    options: {
      file: path.join(dir, 'hushnote'),
      frequency: 'daily',
      size: '10m',
      limit: { count: 7 },
      mkdir: true,
      extension: '.log',
    },
  });
}

let shared: Logger | undefined;

/** The process-wide logger; the desktop app and CLI configure it once. */
export function log(): Logger {
  shared ??= createLogger();
  return shared;
}

export function setLogger(logger: Logger): void {
  shared = logger;
}
