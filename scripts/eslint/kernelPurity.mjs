// ESLint rules that keep src/kernel pure: a run must be a pure function of its inputs, so
// the clock, random numbers, timers, workers and the DOM come in from the shell.
const CLOCK = 'wall clock: read the injected Clock';
const RANDOM = 'ambient randomness: use the injected Rng';
const TIMER = 'timers: emit a timer effect and let the shell schedule it';
const WORKER = 'workers: hosts run agents, the kernel only emits effects';
const DOM = 'the DOM: the kernel runs in Node and in workers too';

const restrictedGlobals = [
  ...['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask'].map((name) => ({
    name,
    message: TIMER,
  })),
  ...['requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback'].map((name) => ({ name, message: TIMER })),
  { name: 'performance', message: CLOCK },
  { name: 'Worker', message: WORKER },
  { name: 'SharedWorker', message: WORKER },
  ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'self'].map((name) => ({
    name,
    message: DOM,
  })),
];

// performance.* is caught as a global; crypto.randomUUID / getRandomValues on any object below.
const restrictedProperties = [
  { object: 'Date', property: 'now', message: CLOCK },
  { object: 'Math', property: 'random', message: RANDOM },
];

const TIMER_NAMES = 'setTimeout|setInterval|setImmediate|queueMicrotask|requestAnimationFrame|requestIdleCallback';

const restrictedSyntax = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: CLOCK },
  { selector: "CallExpression[callee.name='Date']", message: CLOCK },
  { selector: 'MemberExpression[property.name=/^(randomUUID|getRandomValues)$/]', message: RANDOM },
  { selector: `MemberExpression[object.name='globalThis'][property.name=/^(${TIMER_NAMES})$/]`, message: TIMER },
  { selector: "MemberExpression[object.name='globalThis'][property.name=/^(performance|Date)$/]", message: CLOCK },
  {
    selector: "MemberExpression[object.name='globalThis'][property.name=/^(document|window|navigator|indexedDB|localStorage)$/]",
    message: DOM,
  },
  { selector: "MemberExpression[object.name='globalThis'][property.name=/^(Shared)?Worker$/]", message: WORKER },
];

const restrictedImports = {
  paths: [
    { name: 'worker_threads', message: WORKER },
    { name: 'timers', message: TIMER },
    { name: 'timers/promises', message: TIMER },
    { name: 'perf_hooks', message: CLOCK },
    { name: 'crypto', message: RANDOM },
  ],
  patterns: [{ group: ['node:*'], message: 'Node built-ins: the kernel runs in the browser too; the shell passes what it needs.' }],
};

export const kernelPurity = {
  'no-restricted-globals': ['error', ...restrictedGlobals],
  'no-restricted-properties': ['error', ...restrictedProperties],
  'no-restricted-syntax': ['error', ...restrictedSyntax],
  'no-restricted-imports': ['error', restrictedImports],
};
