import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

/**
 * The Fire-and-forget pattern's kinds: the requester (emitter) accepts any request object and
 * sends informs; the sink sends informs and accepts an inform only when its reading is a
 * string. The emitter sends `{seq, data: {reading: 21.5}}`: each of its three informs breaks
 * the sink's `accepts`, the request that starts it keeps the requester's.
 */
export const READING_AS_STRING = {
  schema: 'orrery.contract/1',
  version: '1.0.0',
  kinds: {
    requester: { request: { accepts: { type: 'object' } }, inform: { sends: { type: 'object' } } },
    sink: {
      inform: {
        accepts: {
          type: 'object',
          required: ['seq', 'data'],
          properties: { data: { type: 'object', required: ['reading'], properties: { reading: { type: 'string' } } } },
        },
        sends: { type: 'object' },
      },
    },
  },
};

/** Paste a contract file into the Contracts tab and use it. */
export async function useContracts(page: Page, file: unknown): Promise<void> {
  await page.getByRole('tab', { name: 'Contracts' }).click();
  const editor = page.getByRole('textbox', { name: 'Contract JSON' });
  await editor.fill(JSON.stringify(file, null, 2));
  await page.getByRole('button', { name: 'Use these contracts' }).click();
}

export function contractsInUse(page: Page) {
  return page.getByRole('table', { name: 'Contracts in use' });
}

export async function expectInUse(page: Page, kind: string): Promise<void> {
  await expect(contractsInUse(page).getByRole('row').filter({ hasText: kind }).first()).toBeVisible();
}

/** The version of the contracts the last-open workspace holds in IndexedDB (what a reload restores). */
export async function storedContractsVersion(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const req = indexedDB.open('orrery');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['meta', 'workspaces']);
          const last = tx.objectStore('meta').get('lastOpen');
          last.onsuccess = () => {
            const rec = tx.objectStore('workspaces').get(last.result as string);
            rec.onsuccess = () => {
              const r = rec.result as { workspace: { contracts?: { version: string } } } | undefined;
              db.close();
              resolve(r?.workspace.contracts?.version ?? null);
            };
          };
        };
      }),
  );
}
