// The types the generated declarations (in generated/operations.ts) are written with.

/** Options that each call may override. Every field also takes `undefined` (exactOptionalPropertyTypes). */
export interface CallOptions {
  /** Retries after a retryable failure, 0 to 10. Defaults to the client's (2). */
  maxRetries?: number | undefined;
  /** Time limit of each attempt in milliseconds, body included. Defaults to the client's (30000). */
  timeoutMs?: number | undefined;
  /** Time limit of the whole call in milliseconds, retries and their waits included. */
  deadlineMs?: number | undefined;
  /** Aborts the call, including its retries. */
  signal?: AbortSignal | undefined;
  /** For operations that accept one (creates); generated (UUID v4) when left out. */
  idempotencyKey?: string | undefined;
  /** Extra request headers for this call (they win over `defaultHeaders`). */
  headers?: Record<string, string> | undefined;
}

/** A call's parsed body with the Response it came in (its body already read). */
export interface WithResponse<T> {
  data: T;
  response: Response;
  /** The `X-Request-ID` response header, or null. */
  requestId: string | null;
}

/** What every resource method returns: the body, or `.withResponse()` for the body and the Response. */
export interface APIPromise<T> extends Promise<T> {
  /** The parsed body and the raw Response (status, headers, rate-limit values); fails like the plain call. */
  withResponse(): Promise<WithResponse<T>>;
}

/**
 * T with `| undefined` allowed on every optional property, deeply, so that code compiled with
 * exactOptionalPropertyTypes can pass `field: maybeUndefined` (JSON leaves undefined out). An optional
 * key K is one whose Pick<T, K> an empty object satisfies.
 */
export type Loose<T> = T extends readonly (infer Item)[]
  ? Loose<Item>[]
  : T extends object
    ? { [K in keyof T]: Record<never, never> extends Pick<T, K> ? Loose<T[K]> | undefined : Loose<T[K]> }
    : T;
