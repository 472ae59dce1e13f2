export { writeRecording, encodeRecording, recordingToBlobParts, type WriteOptions } from './writeRecording';
export { readRecording, type ReadOptions, type RecordingSource } from './readRecording';
export { RecordingFileError, formatRecordingFileError, type RecordingFileCode } from './RecordingFileError';
export {
  RECORDING_FILE_EXTENSION,
  RECORDING_FILE_KIND,
  RECORDING_FILE_LIMITS,
  RECORDING_FILE_VERSION,
  RECORDING_MIME_TYPE,
  TAPE_CHUNK,
} from './format';
export { RECORDING_MIGRATIONS, planMigration, type RecordingMigration } from './migrations';
export { KERNEL_INPUT_TYPES } from './validateTapeEntry';
export { yieldToEventLoop } from './yieldToEventLoop';
export {
  summaryOf,
  tapeChunks,
  reassemble,
  checkedName,
  checkedTags,
  compareSummaries,
  MAX_RECORDING_NAME,
  MAX_RECORDING_TAGS,
  MAX_TAG_LENGTH,
  type RecordingSummary,
  type StoredTapeChunk,
} from './libraryRecords';
