/** JavaScript stand-ins for built-in agents: cheap kinds for unit tests and quick models. */
import type { JsAgentBehavior, KindLibrary } from './createKindLibrary';

type Msg = Record<string, unknown>;

function answer(m: Msg, performative: string, content: unknown): string {
  return JSON.stringify({
    performative,
    receiver: m['sender'],
    content,
    in_reply_to: m['reply_with'],
    conversation_id: m['conversation_id'],
  });
}

/** Like agents/builtin/echo.ts: request / query-* → inform with the same content. */
export const jsEcho: JsAgentBehavior = {
  handle(m, host) {
    const p = m['performative'];
    if (p === 'request' || p === 'query-if' || p === 'query-ref') host.send(answer(m, 'inform', m['content']));
    else if (!['inform', 'failure', 'not-understood', 'agree', 'refuse'].includes(String(p)))
      return `echo does not understand ${String(p)}`;
    return undefined;
  },
};

/** Like crasher: `{"action":"crash"}` traps; `crash_on_init` traps in init. */
export const jsCrasher: JsAgentBehavior = {
  init(config) {
    if ((config as { crash_on_init?: boolean } | null)?.crash_on_init) throw new Error('unreachable');
  },
  handle(m, host) {
    if ((m['content'] as { action?: string } | null)?.action === 'crash') throw new Error('unreachable');
    host.send(answer(m, 'inform', { pong: true }));
  },
};

/** Like counter: a count in the host kv, answered on every request. */
export const jsCounter: JsAgentBehavior = {
  handle(m, host) {
    const n = Number(host.kvGet('count') ?? '0') + 1;
    host.kvSet('count', String(n));
    host.send(answer(m, 'inform', { count: n, at: host.nowMs() }));
  },
};

export function registerJsKinds(library: KindLibrary): KindLibrary {
  library.registerJs('echo', jsEcho);
  library.registerJs('crasher', jsCrasher);
  library.registerJs('counter', jsCounter);
  return library;
}
