/**
 * The page's handle on a playback worker: PlaybackApi over comlink (listeners proxied, file
 * bytes transferred), and `dispose()` to end the worker and every subscription.
 */
import * as Comlink from 'comlink';
import type { PlaybackApi } from './types';

export interface PlaybackConnection {
  api: PlaybackApi;
  dispose(): void;
}

export function connectPlayback(
  worker: Worker = new Worker(new URL('./playback.worker.ts', import.meta.url), { type: 'module', name: 'orrery-playback' }),
): PlaybackConnection {
  const remote = Comlink.wrap<PlaybackApi>(worker);
  const releases = new Set<() => void>();
  let disposed = false;

  async function listen<T extends object>(register: (listener: T) => Promise<unknown>, listener: T): Promise<() => void> {
    const remoteUnsubscribe = (await register(Comlink.proxy(listener))) as Comlink.Remote<() => void>;
    const release = () => {
      if (!releases.delete(release)) return;
      void remoteUnsubscribe().finally(() => remoteUnsubscribe[Comlink.releaseProxy]());
    };
    releases.add(release);
    return release;
  }

  const api: PlaybackApi = {
    open: (recording, onProgress) => remote.open(recording, onProgress ? Comlink.proxy(onProgress) : undefined),
    openFile(bytes, onProgress) {
      // Transfer a copy: the caller keeps its bytes.
      const copy = bytes.slice();
      return remote.openFile(Comlink.transfer(copy, [copy.buffer]), onProgress ? Comlink.proxy(onProgress) : undefined);
    },
    seek: (target) => remote.seek(target),
    step: (delta) => remote.step(delta),
    play: (speed) => remote.play(speed),
    pause: () => remote.pause(),
    setConversation: (id) => remote.setConversation(id),
    onPosition: (listener) => listen((l) => remote.onPosition(l), listener),
    snapshot: () => remote.snapshot(),
    kinds: () => remote.kinds(),
    inspect: (agent) => remote.inspect(agent),
    events: (from, to) => remote.events(from, to),
    subscribe: (listener) => listen((l) => remote.subscribe(l), listener),
    close: () => remote.close(),
  };
  return {
    api,
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const release of [...releases]) release();
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
