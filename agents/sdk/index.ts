// The agent SDK: what an AssemblyScript agent imports. An agent module exports
//   handle(msg: Message): Result          (required)
//   init(config: JsonValue): Result       (optional; config is the agent's JSON config)
// and the build wraps them in the component ABI (see agents/build.mjs).
export { JsonValue, JsonKind, parseJson, jsonString, jsonNumber, obj, ObjectWriter } from "./json";
export { Message, SendOptions, send, sendDraft, reply } from "./message";
export { kvGet, kvSet, nowMs, log, setTimer } from "./abi";
export { TIMER_ONTOLOGY, timerTag } from "./timer";

/** What init/handle return: ok, or an error string (from handle: "not understood"). */
export class Result {
  constructor(public isOk: bool, public error: string) {}
}

const OK = new Result(true, "");

export function ok(): Result { return OK; }
export function err(reason: string): Result { return new Result(false, reason); }
