import type { HttpResponse } from './http.ts';

/**
 * Reads a body chunk by chunk until `onChunk` says stop or `limit` bytes were read, then drops the
 * rest. Returns the bytes read. Stopping early destroys the stream, which closes the socket: that is
 * the price of never downloading a large file just to learn that it exists.
 */
export async function readBodyUpTo(body: HttpResponse['body'], limit: number, onChunk?: (chunk: Uint8Array) => 'stop' | undefined): Promise<number> {
  let read = 0;
  if (limit <= 0) {
    body.destroy();
    return 0;
  }
  // Leaving the loop early (break) destroys the stream; a body read to its end is left alone, so
  // the keep-alive connection goes back to the pool for the next link.
  for await (const chunk of body) {
    const part = read + chunk.byteLength > limit ? chunk.subarray(0, limit - read) : chunk;
    read += part.byteLength;
    if (onChunk?.(part) === 'stop' || read >= limit) break;
  }
  return read;
}
