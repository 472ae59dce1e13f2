/** Record and replay: the tape recorder, recordings, the player (see README.md). */
export * from './types';
export { createTapeRecorder, DEFAULT_TAPE_BUDGET, type TapeRecorder } from './recorder';
export { finishRecording, type RecordingParts } from './finishRecording';
export { createPlayer, type Player } from './player';
export { FAILURE_MARKERS } from './seekTarget';
export { markerOf } from './timelineIndex';
