/** What a fork hands over: a running simulation at a recording's moment, and how to go on. */
import type { Simulation } from '../../hosts/inProcess';
import type { TimedCommand } from './externalInputs';
import type { ReplayReport } from './replayRecording';

export interface Fork {
  sim: Simulation;
  /**
   * Where the fork stands: the last event made and the last tape entry handled. At or just
   * past the moment asked for: the simulation stops between its steps, and one step (an agent
   * finishing a message) may hand the kernel several inputs.
   */
  at: { seq: number; entryIndex: number; t: number };
  /** The recording's external inputs after the fork (what `continueAsRecorded` feeds). */
  rest: TimedCommand[];
  /** Goes on as the recording did: the remaining external inputs at their times, then to its end. */
  continueAsRecorded(): Promise<ReplayReport['refused']>;
}
