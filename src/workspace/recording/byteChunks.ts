/** Every source a recording is read from, as one async stream of byte chunks. */

export type RecordingSource = Uint8Array | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

/** Chunks handed to the decompressor at most this big: bounds what one push can inflate to. */
export const FEED_BYTES = 64 * 1024;

async function* fromStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  // getReader, not `for await`: older Safari and Chrome streams are not async iterable.
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    // Refused early: stop the source too (a file being read need not be read to its end).
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

async function* sliced(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    if (!(chunk instanceof Uint8Array)) throw new TypeError(`a recording source must give bytes, received ${typeof chunk}`);
    for (let i = 0; i < chunk.length; i += FEED_BYTES) yield chunk.subarray(i, i + FEED_BYTES);
  }
}

export function byteChunks(source: RecordingSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array)
    return sliced(
      (async function* () {
        yield source;
      })(),
    );
  if (typeof (source as ReadableStream<Uint8Array>).getReader === 'function')
    return sliced(fromStream(source as ReadableStream<Uint8Array>));
  return sliced(source as AsyncIterable<Uint8Array>);
}
