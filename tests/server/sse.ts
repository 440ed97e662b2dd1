import { expect } from 'vitest';

/** A client of the API's SSE stream (`/sync/stream`) that records every event it receives. */
export async function openStream(baseUrl: string, token: string) {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/v1/sync/stream`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  if (!res.body) throw new Error('no body');
  const reader: ReadableStreamDefaultReader<Uint8Array> = res.body.getReader();
  const events: { name: string; data: unknown }[] = [];
  let buffer = '';
  const pump = (async () => {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name) events.push({ name, data: data ? (JSON.parse(data) as unknown) : null });
        }
      }
    } catch {
      // closed by the test
    }
  })();
  const count = (name: string) => events.filter((e) => e.name === name).length;
  return {
    events,
    count,
    async until(name: string, n: number) {
      const start = Date.now();
      while (count(name) < n) {
        if (Date.now() - start > 30_000) throw new Error(`waited for ${n} ${name}, got ${count(name)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}
