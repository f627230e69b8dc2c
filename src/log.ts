// One log line per attempt (method, path, status, duration, attempt, request id, wait before a
// retry), at a level that says whether anyone needs to know, always redacted.

/** The least severe line that is written; `off` writes none. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'off';

/** Where log lines go: the console, or any logger with these methods (pino, winston, ...). */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

/** What `onRetry` is told before the client waits and tries again. All strings are redacted. */
export interface RetryEvent {
  method: string;
  /** The URL path, without the query. */
  path: string;
  /** The attempt that failed, from 1. */
  attempt: number;
  /** The HTTP status, or 0 when no response arrived. */
  status: number;
  /** The error code when no response arrived (`timeout`, `network_error`), else null. */
  code: string | null;
  requestId: string | null;
  /** How long the client waits before the next attempt. */
  delayMs: number;
}

/** One attempt's outcome, as logged. */
export interface AttemptLine {
  method: string;
  path: string;
  status: number;
  code: string | null;
  durationMs: number;
  attempt: number;
  attempts: number;
  requestId: string | null;
  /** The wait before the next attempt, or null when there is none. */
  retryInMs: number | null;
}

const RANK = { debug: 0, info: 1, warn: 2, off: 3 } as const;

/** An attempt's level: warn when it will be retried, debug for a success, info for a final failure. */
function levelOf(status: number, retrying: boolean): Exclude<LogLevel, 'off'> {
  if (retrying) return 'warn';
  return status >= 200 && status < 400 ? 'debug' : 'info';
}

/**
 * The client's logger: `attempt` writes one line, at debug for a success, warn when it will be
 * retried (the caller would otherwise wait in silence), info for a final failure (the caller gets
 * it as an error anyway).
 */
export function createLog(logger: Logger | undefined, level: LogLevel, redact: (text: string) => string) {
  const threshold = RANK[level];
  const sink: Logger = logger ?? console;
  /** Whether an attempt with this outcome gets a line (a call skips building the others). */
  const writes = (status: number, retrying: boolean) => RANK[levelOf(status, retrying)] >= threshold;
  return {
    writes,
    attempt(line: AttemptLine): void {
      const lineLevel = levelOf(line.status, line.retryInMs !== null);
      if (RANK[lineLevel] < threshold) return;
      const outcome = line.status === 0 ? (line.code ?? 'failed') : String(line.status);
      const text =
        `[macha] ${line.method} ${line.path} ${outcome} ${Math.round(line.durationMs)}ms` +
        ` attempt=${line.attempt}/${line.attempts} request_id=${line.requestId ?? '-'}` +
        (line.retryInMs !== null ? ` retry_in=${line.retryInMs}ms` : '');
      sink[lineLevel](redact(text));
    },
  };
}
