import { describe, expect, it } from 'vitest';
import { uploadRequestSchema } from '../../../src-shared/contract/api';
import type { UploadFileRequest } from '../../../src-shared/contract/bridge';
import { ipcInvokes, uploadFileRequestSchema } from '../../../src-shared/contract/bridge';
import { toBase64 } from '../../../src-shared/client/base64';
import { attachmentLimits } from '../../../src-shared/domain/model';
import { gatewayOver } from './gateway-over';

/**
 * The `uploads:put` channel: its schema, and the gateway staging a file through the API client with
 * the session main holds (the HTTP answered here by a stand-in fetch; electron is not needed).
 */

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0xff, 0x00]);
const id = '0f8c2a4e-3b7d-4c1a-9e6f-2d5b8a7c9e10';
const receipt: UploadFileRequest = {
  id,
  filename: 'reçu (1).png',
  contentType: 'image/png',
  contentBase64: toBase64(png),
};
const staged = { id, filename: receipt.filename, contentType: 'image/png', size: png.length };

describe('the channel in the contract', () => {
  it('is uploads:put, taking an upload id and the API body, nothing else', () => {
    expect(ipcInvokes.upload.channel).toBe('uploads:put');
    expect(ipcInvokes.upload.request).toBe(uploadFileRequestSchema);
    expect(uploadFileRequestSchema.safeParse(receipt).success).toBe(true);
    // The same rules as the API's body: the shapes are shared, not copied.
    expect(uploadFileRequestSchema.shape.filename).toBe(uploadRequestSchema.shape.filename);
    expect(uploadFileRequestSchema.shape.contentBase64).toBe(uploadRequestSchema.shape.contentBase64);
    for (const bad of [
      { ...receipt, id: 'a-1' },
      { ...receipt, id: id.toUpperCase() },
      { ...receipt, id: `../sessions/${id}` },
      { ...receipt, filename: '../../etc/passwd' },
      { ...receipt, filename: '' },
      { ...receipt, contentType: 'text/html' },
      { ...receipt, contentType: 'image/svg+xml' },
      { ...receipt, contentBase64: '<html>' },
      { ...receipt, path: '/tmp' },
      { filename: receipt.filename, contentType: receipt.contentType, contentBase64: receipt.contentBase64 },
      JSON.stringify(receipt),
    ])
      expect(uploadFileRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('takes a file up to the attachment limit, in base64', () => {
    const ok = (bytes: number) =>
      uploadFileRequestSchema.safeParse({ ...receipt, contentBase64: toBase64(new Uint8Array(bytes)) })
        .success;
    expect(ok(attachmentLimits.bytes)).toBe(true);
    expect(ok(attachmentLimits.bytes + 3)).toBe(false);
  });
});

const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
const problem = (status: number, code: string, message: string) => json(status, { error: { code, message } });

describe('the gateway serving it', () => {
  it('puts the file under its id with the session token, and answers what the mutation lists', async () => {
    const { gateway, requests, reached } = gatewayOver(() => json(201, staged), 'tok-1');
    const answer = await gateway.handlers.upload(receipt);
    gateway.stop();
    expect(answer).toEqual({ ok: true, value: staged });
    // The id is the path's, not the body's: the body is the API's `uploadRequestSchema`.
    expect(requests).toEqual([
      {
        method: 'PUT',
        url: `https://disputes.example/api/v1/uploads/${id}`,
        authorization: 'Bearer tok-1',
        contentType: 'application/json',
        body: { filename: receipt.filename, contentType: 'image/png', contentBase64: toBase64(png) },
      },
    ]);
    expect(reached).toEqual([true]);
  });

  it('answers the same when the server already had this very file (200)', async () => {
    const { gateway } = gatewayOver(() => json(200, staged), 't');
    expect(await gateway.handlers.upload(receipt)).toEqual({ ok: true, value: staged });
    gateway.stop();
  });

  it.each([
    [409, 'conflict', 'This upload id already names another file: choose a new id.', 'invalid_request'],
    [413, 'too_large', 'reçu (1).png is larger than 4 MB.', 'invalid_request'],
    [400, 'invalid_request', 'reçu (1).png is not a valid image/png file.', 'invalid_request'],
    [403, 'forbidden', 'Only staff stage files.', 'forbidden'],
    [401, 'unauthenticated', 'Sign in again.', 'unauthenticated'],
  ] as const)("says the API's %i in its words, as a value", async (status, code, message, bridgeCode) => {
    const { gateway } = gatewayOver(() => problem(status, code, message), 't');
    expect(await gateway.handlers.upload(receipt)).toEqual({
      ok: false,
      error: { code: bridgeCode, message },
    });
    gateway.stop();
  });

  it('says a refusal without the error shape in the status words, still as a value', async () => {
    const { gateway } = gatewayOver(
      () => Promise.resolve(new Response('<html>Request Entity Too Large</html>', { status: 413 })),
      't',
    );
    expect(await gateway.handlers.upload(receipt)).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'The server answered 413.' },
    });
    gateway.stop();
  });

  it('refuses an answer that is not an attachment, and says offline when the server cannot be reached', async () => {
    const odd = gatewayOver(() => json(201, { id }), 't');
    expect(await odd.gateway.handlers.upload(receipt)).toMatchObject({
      ok: false,
      error: { code: 'server_error' },
    });
    odd.gateway.stop();
    const offline = gatewayOver(() => Promise.reject(new TypeError('net::ERR_INTERNET_DISCONNECTED')), 't');
    expect(await offline.gateway.handlers.upload(receipt)).toEqual({
      ok: false,
      error: { code: 'offline', message: expect.any(String) },
    });
    expect(offline.reached).toContain(false);
    offline.gateway.stop();
  });
});
