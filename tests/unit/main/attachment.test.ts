import { describe, expect, it, vi } from 'vitest';
import {
  attachmentFileSchema,
  attachmentRequestSchema,
  ipcInvokes,
} from '../../../src-shared/contract/bridge';
import { fromBase64, toBase64 } from '../../../src-shared/client/base64';
import { attachmentLimits } from '../../../src-shared/domain/model';
import { gatewayOver } from './gateway-over';

/**
 * The `dossiers:attachment` channel: its schemas, and the gateway serving it through the API client
 * with the session main holds (the HTTP answered here by a stand-in fetch; electron is not needed).
 */

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0xff, 0x00]);

describe('the channel in the contract', () => {
  it('is dossiers:attachment, taking a dossier id and an attachment id, nothing else', () => {
    expect(ipcInvokes.attachment.channel).toBe('dossiers:attachment');
    expect(ipcInvokes.attachment.request).toBe(attachmentRequestSchema);
    expect(attachmentRequestSchema.safeParse({ dossierId: 'd-1', attachmentId: 'a-1' }).success).toBe(true);
    for (const bad of [
      { dossierId: 'd-1' },
      { dossierId: '../etc', attachmentId: 'a-1' },
      { dossierId: 'd-1', attachmentId: 'a/1' },
      { dossierId: 'd-1', attachmentId: 'a-1', path: '/tmp' },
      'd-1/a-1',
    ])
      expect(attachmentRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('answers a file of an allowed type only, in base64, at most the attachment limit', () => {
    const ok = (contentType: string, contentBase64 = toBase64(png)) =>
      attachmentFileSchema.safeParse({ contentType, contentBase64 }).success;
    for (const type of ['image/png', 'image/jpeg', 'image/webp', 'application/pdf', 'text/plain'])
      expect(ok(type), type).toBe(true);
    for (const type of [
      'text/html',
      'image/svg+xml',
      'application/javascript',
      'application/octet-stream',
      '',
    ])
      expect(ok(type), type).toBe(false);
    expect(ok('image/png', '<html>')).toBe(false);
    expect(ok('text/plain', '')).toBe(true);
    const justOver = toBase64(new Uint8Array(attachmentLimits.bytes + 3));
    expect(ok('application/pdf', justOver)).toBe(false);
    expect(ok('application/pdf', toBase64(new Uint8Array(attachmentLimits.bytes)))).toBe(true);
  });

  it('carries the bytes unchanged, whatever they are', () => {
    const all = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
    expect(fromBase64(toBase64(all))).toEqual(all);
  });
});

const file = (body: Uint8Array | string, headers: Record<string, string>, status = 200) =>
  Promise.resolve(new Response(body as BodyInit, { status, headers }));

describe('the gateway serving it', () => {
  it('downloads the file with the session token and hands it over in base64', async () => {
    const { gateway, requests } = gatewayOver(
      () =>
        file(png, {
          'content-type': 'image/png',
          'content-disposition': "attachment; filename*=UTF-8''p.png",
        }),
      'tok-1',
    );
    const answer = await gateway.handlers.attachment({ dossierId: 'd-1', attachmentId: 'a-1' });
    gateway.stop();
    expect(answer).toEqual({ ok: true, value: { contentType: 'image/png', contentBase64: toBase64(png) } });
    expect(requests.map(({ url, authorization }) => ({ url, authorization }))).toEqual([
      { url: 'https://disputes.example/api/v1/dossiers/d-1/attachments/a-1', authorization: 'Bearer tok-1' },
    ]);
  });

  it('takes the type without its parameters, and refuses a type outside the allowed list', async () => {
    const types = ['text/plain; charset=utf-8', 'text/html', 'image/svg+xml', ''];
    const answers = [];
    for (const type of types) {
      const { gateway } = gatewayOver(() => file('<script>alert(1)</script>', { 'content-type': type }), 't');
      answers.push(await gateway.handlers.attachment({ dossierId: 'd-1', attachmentId: 'a-1' }));
      gateway.stop();
    }
    expect(answers[0]).toMatchObject({ ok: true, value: { contentType: 'text/plain' } });
    for (const refused of answers.slice(1))
      expect(refused).toEqual({ ok: false, error: { code: 'server_error', message: expect.any(String) } });
  });

  it("says the API's refusal in the error shape: not found, signed out", async () => {
    const problem = (status: number, code: string) =>
      file(
        JSON.stringify({ error: { code, message: `said ${status}` } }),
        { 'content-type': 'application/json' },
        status,
      );
    const notFound = gatewayOver(() => problem(404, 'not_found'), 't');
    expect(await notFound.gateway.handlers.attachment({ dossierId: 'd-1', attachmentId: 'gone' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'said 404' },
    });
    notFound.gateway.stop();
    const signedOut = gatewayOver(() => problem(401, 'unauthenticated'), null);
    expect(
      await signedOut.gateway.handlers.attachment({ dossierId: 'd-1', attachmentId: 'a-1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    signedOut.gateway.stop();
  });

  it('reads nothing over the limit, and says offline when the server cannot be reached', async () => {
    const cancel = vi.fn();
    const huge = gatewayOver(
      () =>
        Promise.resolve(
          new Response(new ReadableStream({ cancel }), {
            headers: {
              'content-type': 'application/pdf',
              'content-length': String(attachmentLimits.bytes + 1),
            },
          }),
        ),
      't',
    );
    expect(await huge.gateway.handlers.attachment({ dossierId: 'd-1', attachmentId: 'a-1' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('4 MB') },
    });
    expect(cancel).toHaveBeenCalled();
    huge.gateway.stop();
    const unlabelled = gatewayOver(
      () => file(new Uint8Array(attachmentLimits.bytes + 1), { 'content-type': 'application/pdf' }),
      't',
    );
    expect(
      await unlabelled.gateway.handlers.attachment({ dossierId: 'd-1', attachmentId: 'a-1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    unlabelled.gateway.stop();
    const offline = gatewayOver(() => Promise.reject(new TypeError('net::ERR_INTERNET_DISCONNECTED')), 't');
    expect(
      await offline.gateway.handlers.attachment({ dossierId: 'd-1', attachmentId: 'a-1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });
    expect(offline.reached).toContain(false);
    offline.gateway.stop();
  });
});
