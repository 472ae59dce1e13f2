export * from './createTestWorkbench';
export type * from './types';
