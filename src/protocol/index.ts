export * from './message';
export * from './performatives';
export * from './names';
export * from './validate';
export * from './errors';
export * from './fipaString';
export { describeValue, utf8Length } from './describe';
