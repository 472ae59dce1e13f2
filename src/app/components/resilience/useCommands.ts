/** Sends a list of commands in order, stopping at the first refusal, and says how it went. */
import { useState } from 'react';
import type { Command } from '../../../kernel/types';
import { useWorkbenchStore } from '../../store/WorkbenchContext';

export function useCommands(): { status: string; busy: boolean; apply(commands: Command[], done: string): Promise<boolean> } {
  const store = useWorkbenchStore();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
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
    }
  };
  return { status, busy, apply };
}
