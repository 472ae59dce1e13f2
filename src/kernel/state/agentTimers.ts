/**
 * Agents' own timers (`agent.timer`): the pending ones per agent name, by token. They
 * belong to the name, not the instance (they survive restarts); removing the agent forgets
 * them, so a due timer whose token is gone does nothing.
 */
export class AgentTimers {
  private readonly byAgent = new Map<string, Set<number>>();

  add(agent: string, token: number): void {
    let tokens = this.byAgent.get(agent);
    if (tokens === undefined) this.byAgent.set(agent, (tokens = new Set()));
    tokens.add(token);
  }

  /** True (and forgets it) if the timer is still pending. */
  take(agent: string, token: number): boolean {
    const tokens = this.byAgent.get(agent);
    if (tokens === undefined || !tokens.delete(token)) return false;
    if (tokens.size === 0) this.byAgent.delete(agent);
    return true;
  }

  /** Pending timers of `agent`. */
  count(agent: string): number {
    return this.byAgent.get(agent)?.size ?? 0;
  }

  forget(agent: string): void {
    this.byAgent.delete(agent);
  }
}
