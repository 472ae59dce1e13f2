/**
 * The playback worker: a recording's player runs here, so opening one (a pass over its whole
 * tape) and seeking back (another pass) never hold up the page or the live kernel worker.
 */
import * as Comlink from 'comlink';
import { createPlaybackSession } from './createPlaybackSession';
import type { PlaybackApi } from './types';

const session = createPlaybackSession();

/** A listener from the page is a comlink proxy: release it when the page unsubscribes. */
function released<L extends object>(listener: L, unsubscribe: () => void): (() => void) & Comlink.ProxyMarked {
  return Comlink.proxy(() => {
    unsubscribe();
    (listener as L & Partial<Comlink.Remote<unknown>>)[Comlink.releaseProxy]?.();
  });
}

const api: PlaybackApi = {
  ...session,
  onPosition: async (listener) => released(listener, await session.onPosition(listener)),
  subscribe: async (listener) => released(listener, await session.subscribe(listener)),
};
Comlink.expose(api);
