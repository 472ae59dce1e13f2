export * from './window';
export * from './percentile';
export * from './requests';
export * from './counts';
