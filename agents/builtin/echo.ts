// Echo: answers request / query-if / query-ref with an inform carrying the same content.
// Answers and errors are accepted silently, so two linked echoes never loop.
import { Message, Result, ok, err, reply } from "../sdk";

export function handle(msg: Message): Result {
  const p = msg.performative;
  if (p == "request" || p == "query-if" || p == "query-ref") {
    reply(msg, "inform", msg.contentJson);
    return ok();
  }
  if (p == "inform" || p == "failure" || p == "not-understood" || p == "agree" || p == "refuse") {
    return ok();
  }
  return err("echo does not understand " + p);
}
