// The public surface of @macha/api-client.
export { createMachaClient, type MachaClient } from './client.js';
export { MachaError, isMachaError, type ClientErrorCode, type MachaErrorInit } from './errors.js';
export type { CallOptions, MachaClientOptions } from './options.js';
export type { ListItem, MethodArgs, OperationId, Resource, Resources, SuccessBody } from './resources.js';
export { toolRefs } from './tool-refs.js';
export type {
  Agent,
  AgentCreate,
  ApiError,
  Connector,
  ConnectorDetail,
  ConnectorStatus,
  ErrorCode,
  ErrorEnvelope,
  Tool,
  ToolRef,
  ToolType,
  components,
  operations,
  paths,
} from '../generated/schema.js';
