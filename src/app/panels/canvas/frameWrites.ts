/**
 * DOM writes for live numbers, at the next animation frame, all in that frame. They used
 * to be spread over frames (80 a frame) to keep each frame short, but under load every
 * frame that changes anything pays a fixed cost (layerize, commit, the paint walk) that
 * dwarfs the writes: slices made several expensive frames per rates sample. The latest
 * write per key wins, so a backlog never grows past one write per live element (and
 * nothing piles up while the tab is hidden). The writes are contained boxes (see
 * `.live-value`): they lay out and paint alone.
 */
const WRITES_PER_FRAME = Infinity;

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
