/** Message contracts: per kind and performative, what content it accepts and sends (see README.md). */
export * from './types';
export { parseContract, loadContracts, type Contracts, type ContractParse, type ContentCheck } from './parseContract';
export { checkMessage, describeViolation, describeObservedViolation, type MessageParties } from './checkMessage';
export { compareContracts } from './compareContracts';
export {
  createContractInference,
  inferContract,
  inferContractFromEvents,
  kindsFrom,
  type ContractInference,
  type ContractInferenceOptions,
  type KindOf,
  type InferContractOptions,
} from './inferContract';
export {
  createContractMonitor,
  pairKey,
  contractKey,
  DEFAULT_MAX_PENDING,
  type ContractMonitor,
  type ContractMonitorOptions,
} from './monitor';
export { watchContracts, FIRST_VIOLATIONS_KEPT, type ContractsSummary, type ContractsWatch } from './watchContracts';
