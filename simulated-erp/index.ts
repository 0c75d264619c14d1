/** The simulated ERP used by the demo page and the browser tests. */
export { ErpSimulator, type SimulatorOptions } from './simulator.js';
export { createHandlers, DEMO_LATENCY, problemResponse, type HandlerOptions } from './handlers.js';
export { Faults, OPERATIONS, type Fault, type FaultTarget, type OperationName } from './faults.js';
export { persistTo, type StateStorage } from './persist.js';
export { DEMO_RECORDS, type DemoRecord } from './seed-data.js';
export { SimProblem } from './problems.js';
export type { WriteGuard } from './guard.js';
export type { SimState, UserRecord, CrmRecord, ErpActor } from './model.js';
