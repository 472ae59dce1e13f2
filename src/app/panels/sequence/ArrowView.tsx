import type { Arrow } from './layoutSequence';

/** One message as an arrow between lifelines (a loop for a self-send); failed ones crossed. */
export function ArrowView({ a, zoom, open, onOpen }: { a: Arrow; zoom: number; open: boolean; onOpen(key: string): void }) {
  const y = a.y;
  const colour = a.failed ? 'seq-failed' : a.style.colour >= 0 ? `seq-c${a.style.colour}` : 'seq-plain';
  const dash = a.failed ? '5 3' : a.style.dash;
  const label = a.style.label ? `${a.performative} · ${a.style.label}` : a.performative;
  const dir = a.x2 >= a.x1 ? 1 : -1;
  const head = 7 / zoom;
  let path: string;
  let tip: [number, number];
  let lx: number;
  if (a.self) {
    const w = 26 / zoom;
    const h = 12 / zoom;
    path = `M${a.x1},${y - h / 2} h${w} v${h} h${-w}`;
    tip = [a.x1, y + h / 2];
    lx = a.x1 + w + 4 / zoom;
  } else {
    path = `M${a.x1},${y} L${a.x2 - dir * head},${y}`;
    tip = [a.x2, y];
    lx = (a.x1 + a.x2) / 2;
  }
  const headDir = a.self ? -1 : dir;
  const points = `${tip[0]},${tip[1]} ${tip[0] - headDir * head},${tip[1] - head / 2} ${tip[0] - headDir * head},${tip[1] + head / 2}`;
  return (
    <g className={`seq-arrow ${colour}${open ? ' is-open' : ''}`} role="img" aria-label={a.title} onClick={() => onOpen(a.rowKey)}>
      <title>{a.title}</title>
      <path d={path} className="seq-line" strokeDasharray={dash || undefined} vectorEffect="non-scaling-stroke" />
      <polygon points={points} className="seq-head" />
      {a.failed && (
        <text
          x={tip[0] + (a.self ? -10 : dir * 4) / zoom}
          y={y + 4 / zoom}
          className="seq-cross"
          fontSize={13 / zoom}
          textAnchor={dir > 0 ? 'start' : 'end'}
        >
          ✕
        </text>
      )}
      <text x={lx} y={y - 4 / zoom} className="seq-label" fontSize={11 / zoom} textAnchor={a.self ? 'start' : 'middle'}>
        {a.failed ? `${label} ✕ ${(a.reason ?? 'failed').split(':')[0]}` : label}
      </text>
      {/* A wide transparent hit area: thin lines are hard to click. */}
      <path d={path} className="seq-hit" vectorEffect="non-scaling-stroke" />
    </g>
  );
}
