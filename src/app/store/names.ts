/** The name stem for a kind: `echo` → `echo-1`; custom kinds use their label. */
export function nameStem(kind: string, label?: string): string {
  const source = kind.startsWith('custom:') && label ? label : kind;
  const stem = source
    .toLowerCase()
    .replace(/\s+agent\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem || 'agent';
}

/** The lowest free `stem-N` (N ≥ 1) that is not in `taken`. */
export function nextName(stem: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
