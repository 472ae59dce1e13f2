/**
 * How deep arrays and objects nest inside a value, measured without recursion and giving
 * up past `limit`. JSON.parse takes a million nested brackets, but JSON.stringify and
 * structuredClone (saving to IndexedDB) overflow the stack on them, so a file that deep
 * would open and then never save: it is refused instead.
 */
export function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    const children = Array.isArray(v) ? v : Object.values(v);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
