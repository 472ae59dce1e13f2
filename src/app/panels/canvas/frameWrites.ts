/**
 * DOM writes for live numbers, spread over animation frames. A rates sample changes the
 * text of hundreds of nodes and links at once; written together they cost one long frame
 * of style, layout and paint (~60 ms on two busy cores, 3-4 dropped frames twice a
 * second). Queued here, at most WRITES_PER_FRAME land per frame: the same work, in slices
 * no frame notices. The latest write per key wins, so a backlog never grows past one
 * write per live element (and nothing piles up while the tab is hidden).
 */
const WRITES_PER_FRAME = 80;

const pending = new Map<object, () => void>();
let scheduled = false;

export function writeSoon(key: object, write: () => void): void {
  pending.delete(key);
  pending.set(key, write);
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(drain);
  }
}

function drain(): void {
  scheduled = false;
  let n = 0;
  for (const [key, write] of pending) {
    pending.delete(key);
    write();
    if (++n >= WRITES_PER_FRAME) break;
  }
  if (pending.size > 0) {
    scheduled = true;
    requestAnimationFrame(drain);
  }
}
