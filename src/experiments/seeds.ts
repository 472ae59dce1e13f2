/** Independent random streams from one seed: the single-thread shell's, shared with experiments. */
export { deriveSeed, STREAM } from '../kernel/shell/seedStreams';
