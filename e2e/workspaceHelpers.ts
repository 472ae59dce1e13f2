import { expect, type Page } from '@playwright/test';

export interface StoredSummary {
  name: string;
  agents: string[];
  links: string[];
  /** Names of the saved chaos experiments. */
  experiments: string[];
  /** Kinds of the custom modules kept with the workspace. */
  modules: string[];
}

/** The last-open workspace as IndexedDB holds it (what a reload will restore). */
export async function storedWorkspace(page: Page): Promise<StoredSummary | null> {
  return page.evaluate(
    () =>
      new Promise<StoredSummary | null>((resolve, reject) => {
        const req = indexedDB.open('orrery');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('meta')) return resolve(null);
          const tx = db.transaction(['meta', 'workspaces']);
          const last = tx.objectStore('meta').get('lastOpen');
          last.onsuccess = () => {
            if (!last.result) return resolve(null);
            const rec = tx.objectStore('workspaces').get(last.result as string);
            rec.onsuccess = () => {
              const r = rec.result as
                | {
                    name: string;
                    workspace: {
                      nodes: { type: string; name: string }[];
                      links: { a: string; b: string }[];
                      experiments?: { name: string }[];
                      modules: { kind: string }[];
                    };
                  }
                | undefined;
              db.close();
              resolve(
                r
                  ? {
                      name: r.name,
                      agents: r.workspace.nodes.filter((n) => n.type === 'agent').map((n) => n.name),
                      links: r.workspace.links.map((l) => `${l.a}-${l.b}`),
                      experiments: (r.workspace.experiments ?? []).map((e) => e.name),
                      modules: r.workspace.modules.map((m) => m.kind),
                    }
                  : null,
              );
            };
          };
        };
      }),
  );
}

/** Wait until autosave has written `expected` (agents and links) for the open workspace. */
export async function expectSaved(page: Page, expected: Partial<StoredSummary>): Promise<void> {
  await expect.poll(() => storedWorkspace(page), { timeout: 15_000 }).toMatchObject(expected);
}

export async function openWorkspaces(page: Page) {
  const button = page.getByRole('button', { name: 'Workspaces', exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const panel = page.getByRole('dialog', { name: 'Workspaces' });
  await expect(panel).toBeVisible();
  return panel;
}

export async function dragLink(page: Page, from: string, to: string): Promise<void> {
  const a = page.getByRole('group', { name: `agent ${from}`, exact: true });
  const b = page.getByRole('group', { name: `agent ${to}`, exact: true });
  const h1 = await a.locator('.react-flow__handle.source').first().boundingBox();
  const h2 = await b.locator('.react-flow__handle.target').first().boundingBox();
  if (!h1 || !h2) throw new Error('handles are not laid out');
  await page.mouse.move(h1.x + h1.width / 2, h1.y + h1.height / 2);
  await page.mouse.down();
  await page.mouse.move(h2.x + h2.width / 2, h2.y + h2.height / 2, { steps: 12 });
  await page.mouse.up();
}
