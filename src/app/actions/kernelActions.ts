/**
 * Changes with no button of their own: a settings form's commands, a workspace load's
 * deploys, a component someone dropped. They go through the registry like every other
 * change so they carry their source; the caller reports the outcome (they are quiet).
 */
import type { Action } from './types';

export const applyCommands: Action<'commands.apply'> = {
  id: 'commands.apply',
  label: 'Apply',
  quiet: true,
  perform: (_state, { commands }) => ({ commands }),
};

export const registerComponent: Action<'component.register'> = {
  id: 'component.register',
  label: 'Add component',
  quiet: true,
  perform: (_state, register) => ({ register }),
};
