// Greeter: a plain JavaScript agent, built on QuickJS by componentize-qjs.
// request {"name":"X"} -> inform {"greeting":"Hello, X"}; query-if / query-ref are echoed;
// answers are accepted silently; anything else is not understood (a thrown string).
import host from 'workbench:agent/host@0.1.0';

function reply(msg, performative, content) {
  const draft = { performative, receiver: msg.sender, content };
  if (msg.conversation_id !== undefined) draft.conversation_id = msg.conversation_id;
  if (msg.reply_with !== undefined) draft.in_reply_to = msg.reply_with;
  if (msg.protocol !== undefined) draft.protocol = msg.protocol;
  host.send(JSON.stringify(draft));
}

const SILENT = new Set(['inform', 'failure', 'not-understood', 'agree', 'refuse']);

export const guest = {
  init(_config) {},
  handle(json) {
    let msg;
    try {
      msg = JSON.parse(json);
    } catch {
      throw 'invalid message: expected JSON';
    }
    const p = msg.performative;
    const content = msg.content;
    if (p === 'request' && content !== null && typeof content === 'object' && typeof content.name === 'string') {
      reply(msg, 'inform', { greeting: `Hello, ${content.name}` });
      return;
    }
    if (p === 'query-if' || p === 'query-ref') {
      reply(msg, 'inform', content === undefined ? null : content);
      return;
    }
    if (SILENT.has(p)) return;
    throw `greeter does not understand ${p}`;
  },
};
