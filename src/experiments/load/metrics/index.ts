export * from './types';
export * from './metricKey';
export * from './trend';
export * from './sinks';
export * from './sinkValues';
export * from './timeSeries';
export * from './createMetricRegistry';
export * from './loadMetrics';
