/** The chaos lab's workspace edits: saved experiments go through the registry like every other change. */
import type { Action } from '../../actions/types';

export const saveExperiment: Action<'experiment.save'> = {
  id: 'experiment.save',
  label: 'Save experiment',
  perform: (_state, { experiment }) => ({ experiments: { save: experiment } }),
};

export const deleteExperiment: Action<'experiment.delete'> = {
  id: 'experiment.delete',
  label: 'Delete saved experiment',
  predicate: (state, { name }) => Object.hasOwn(state.experiments, name),
  perform: (_state, { name }) => ({ experiments: { delete: name } }),
};
