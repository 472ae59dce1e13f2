/** Record and replay: the tape recorder, recordings, the player, replay and diffs (see README.md). */
export * from './types';
export { createTapeRecorder, DEFAULT_TAPE_BUDGET, type TapeRecorder } from './recorder';
export { finishRecording, type RecordingParts } from './finishRecording';
export { createPlayer, type Player } from './player';
export { FAILURE_MARKERS } from './seekTarget';
export { markerOf } from './timelineIndex';
export { recordSimulation, recordLoadSimulation, type RecordOptions } from './recordSimulation';
export { recordingModules } from './recordingModules';
export { conversationsOf, createConversationCollector, type Conversation, type ConversationMessage } from './conversations';
export { DEFAULT_MATCH_RULES, differingFields, matchKey, type FieldDifference, type MatchRules } from './match';
export { describeDivergence, diffConversations, type Divergence } from './diff';
export { externalInputs, setupCommands, type TimedCommand } from './externalInputs';
export { recordedConversations, replayInSimulation, replayRecording, type ReplayOptions, type ReplayReport } from './replayRecording';
export { simulationFor, type SimulationForOptions } from './simulationFor';
export { createStandIn, withStandIns, type StandIn, type StandInMiss, type StandInMode, type StandInOptions } from './standIn';
export { recordedExchanges, type Exchange } from './standInExchanges';
