/** Sends a list of commands in order, stopping at the first refusal, and says how it went. */
import { useState } from 'react';
import type { Command } from '../../../kernel/types';
import { useWorkbenchStore } from '../../store/WorkbenchContext';

export function useCommands(): { status: string; busy: boolean; applied: number; apply(commands: Command[], done: string): Promise<boolean> } {
  const store = useWorkbenchStore();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  /** Bumped after every apply (accepted or not): forms re-read the kernel's values on it. */
  const [applied, setApplied] = useState(0);
  const apply = async (commands: Command[], done: string) => {
    setBusy(true);
    try {
      for (const c of commands) await store.api.command(c);
      setStatus(done);
      return true;
    } catch (e) {
      setStatus(`Refused: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    } finally {
      setBusy(false);
      setApplied((n) => n + 1);
    }
  };
  return { status, busy, applied, apply };
}
