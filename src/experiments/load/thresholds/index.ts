export * from './parseDuration';
export * from './parseThresholdExpression';
export * from './parseThresholds';
export * from './evaluateThresholds';
