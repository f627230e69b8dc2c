// The mock's programmatic entry: startMockServer and the pieces a test or the CLI composes.
export { manualClock, realClock } from './clock.mjs';
export { FAULT_KINDS } from './faults.mjs';
export { startMockServer } from './server.mjs';
export { README_CONNECTOR_ID, checkWorld, seedWorld } from './world.mjs';
export { mockOperations } from './model.mjs';
