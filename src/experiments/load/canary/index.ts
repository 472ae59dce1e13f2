export { canaryHooks } from './canaryHooks';
export { CanaryRelease, type CanaryState, type CanaryVerdict } from './canaryRelease';
export { judgeStage, type StageJudgement } from './judgeStage';
export { VersionStats, type VersionFigures } from './versionStats';
export type { LoadCanary as CanaryConfig } from '../experiment/types';
