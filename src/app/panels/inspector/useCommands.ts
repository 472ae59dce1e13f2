/** Sends a list of commands in order, stopping at the first refusal, and says how it went. */
import { useState } from 'react';
import type { Command } from '../../../kernel/types';
import { useActions } from '../../actions/ActionsContext';

export function useCommands(): {
  status: string;
  busy: boolean;
  applied: number;
  apply(commands: Command[], done: string): Promise<boolean>;
} {
  const actions = useActions();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  /** Bumped after every apply (accepted or not): forms re-read the kernel's values on it. */
  const [applied, setApplied] = useState(0);
  const apply = async (commands: Command[], done: string) => {
    setBusy(true);
    const outcome = await actions.run('commands.apply', { label: done, commands });
    setStatus(outcome.ok ? done : `Refused: ${outcome.error}`);
    setBusy(false);
    setApplied((n) => n + 1);
    return outcome.ok;
  };
  return { status, busy, applied, apply };
}
