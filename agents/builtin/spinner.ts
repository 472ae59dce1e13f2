// Spinner: spins forever or grows its memory on request, for testing CPU and memory caps.
import { Message, Result, ok, err, reply, obj } from "../sdk";

const CELL: usize = memory.data(8, 8);

function spin(): void {
  // A store to exported memory is an effect the optimizer must keep: the loop stays.
  while (true) store<u64>(CELL, load<u64>(CELL) + 1);
}

export function handle(msg: Message): Result {
  if (msg.performative != "request") return err("spinner does not understand " + msg.performative);
  const c = msg.content;
  const action = c.getString("action");
  if (action == "spin") spin();
  if (action == "alloc") {
    const pages = c.getNumber("pages", -1);
    if (!(pages >= 0) || pages != Math.trunc(pages) || pages > 65536) return err("alloc: \"pages\" must be a whole number of 64 KiB pages");
    if (memory.grow(<i32>pages) < 0) unreachable();
    reply(msg, "inform", obj().int("pages", memory.size()).toString());
    return ok();
  }
  reply(msg, "inform", "{\"pong\":true}");
  return ok();
}
