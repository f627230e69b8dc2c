// The public surface of @macha/api-client.
export type { Middleware } from 'openapi-fetch';
export type * from '../generated/operations.js';
export type { components, operations, paths } from '../generated/schema.js';
export { createMachaClient, type MachaClient } from './client.js';
export {
  AbortedError,
  AuthenticationError,
  BadRequestError,
  type ClientErrorCode,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidArgumentError,
  isMachaError,
  MachaError,
  type MachaErrorCode,
  type MachaErrorInit,
  type MachaErrorJSON,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from './errors.js';
export type { RequestInit as MachaRequestInit, RequestMethod } from './escape.js';
export type { Logger, LogLevel, RetryEvent } from './log.js';
export type { MachaClientOptions } from './options.js';
export { toolRefs } from './tool-refs.js';
export type { APIPromise, CallOptions, Loose, WithResponse } from './types.js';
