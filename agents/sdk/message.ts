import { JsonValue, parseJson } from "./json";
import { send as hostSend, sendBytes } from "./abi";
import { outStart, outText, outPtr, outLen } from "./writer";

/** A delivered FIPA-ACL message (the full envelope the kernel routed). */
export class Message {
  constructor(public envelope: JsonValue) {}

  get performative(): string { return this.field("performative"); }
  get sender(): string { return this.field("sender"); }
  get id(): string { return this.field("id"); }
  /** The content; a JSON null if the message has none. */
  get content(): JsonValue {
    const c = this.envelope.get("content");
    return c !== null ? c : new JsonValue();
  }
  /** The content as JSON text, exactly as it arrived. */
  get contentJson(): string { return this.content.raw(); }
  get conversationId(): string | null { return this.envelope.getString("conversation_id"); }
  get replyWith(): string | null { return this.envelope.getString("reply_with"); }
  get inReplyTo(): string | null { return this.envelope.getString("in_reply_to"); }
  get protocol(): string | null { return this.envelope.getString("protocol"); }
  get ontology(): string | null { return this.envelope.getString("ontology"); }
  get language(): string | null { return this.envelope.getString("language"); }

  private field(key: string): string {
    const s = this.envelope.getString(key);
    return s !== null ? s : "";
  }

  /** null if `json` is not a JSON object with a string `performative`. */
  static parse(json: string): Message | null {
    const v = parseJson(json);
    if (v === null || !v.isObject || v.getString("performative") === null) return null;
    return new Message(v);
  }
}

/** Optional envelope fields of an outgoing message. */
export class SendOptions {
  conversationId: string | null = null;
  inReplyTo: string | null = null;
  replyWith: string | null = null;
  protocol: string | null = null;
  /** Kernel clock time (ms) by which a reply is expected; negative: none. */
  replyBy: i64 = -1;
}

/** Appends `,"key":"value"` unless value is null; keys are ASCII literals. */
function optional(key: string, value: string | null): void {
  if (value === null) return;
  outText(key, false);
  outText(value, true);
}

/**
 * Sends a message. `receiver` is an agent name, `*` or `topic:...`; `contentJson` is
 * JSON text (build it with `obj()` or `jsonString()`). The kernel stamps sender/id/time.
 */
export function send(performative: string, receiver: string, contentJson: string, opts: SendOptions | null = null): void {
  outStart();
  outText("{\"performative\":", false);
  outText(performative, true);
  outText(",\"receiver\":", false);
  outText(receiver, true);
  outText(",\"content\":", false);
  outText(contentJson, false);
  if (opts !== null) {
    optional(",\"conversation_id\":", opts.conversationId);
    optional(",\"in_reply_to\":", opts.inReplyTo);
    optional(",\"reply_with\":", opts.replyWith);
    optional(",\"protocol\":", opts.protocol);
    if (opts.replyBy >= 0) {
      outText(",\"reply_by\":", false);
      outText(opts.replyBy.toString(), false);
    }
  }
  outText("}", false);
  sendBytes(outPtr(), outLen());
}

/** Sends a draft that is already JSON text (for fields `send` does not cover). */
export function sendDraft(draftJson: string): void {
  hostSend(draftJson);
}

/** Answers `msg`: to its sender, in its conversation, in reply to its reply_with, same protocol. */
export function reply(msg: Message, performative: string, contentJson: string): void {
  const opts = new SendOptions();
  opts.conversationId = msg.conversationId;
  opts.inReplyTo = msg.replyWith;
  opts.protocol = msg.protocol;
  send(performative, msg.sender, contentJson, opts);
}
