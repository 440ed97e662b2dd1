import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyInstance } from 'fastify';
import type { ApiError, ErrorCode } from '../../src-shared/contract/errors';
import { ApiProblem } from './problem';

/**
 * The edges of HTTP, before any route runs: what Node's parser refuses, URLs the router cannot
 * read, empty path segments and bodies on GET, HEAD or DELETE answer the error shape, never a 500.
 */

const errorBody = (code: ErrorCode, message: string): string =>
  JSON.stringify({ error: { code, message } } satisfies ApiError);

/**
 * Node's parser refused the bytes (bad Content-Length, chunked garbage, headers too large): there is
 * no request to answer, so the answer is written on the socket, which then closes.
 */
export function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  // A response already under way on this socket (a pipelined request) cannot be interrupted cleanly.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'too_large' as const, 'The request headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'invalid_request' as const, 'The request did not arrive in time.']
        : [400, 'invalid_request' as const, 'The request is not well-formed HTTP.'];
  if (!inFlight?.headersSent) {
    const body = errorBody(code, message);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** The path of a request target, also when it is sent in absolute form (`GET http://host/path`). */
const pathOf = (url: string): string =>
  url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split('?')[0] ?? '';

/** Methods whose requests carry no body in this API: one that comes anyway is refused, not ignored. */
const bodiless = new Set(['GET', 'HEAD', 'DELETE']);

export function installRequestEdges(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const path = pathOf(request.url);
    // No resource has an empty segment; without this the static files' route answered 403 as a 500.
    if (path.includes('//')) throw new ApiProblem('not_found', `There is no ${request.method} ${path}.`);
    const { 'content-length': length, 'transfer-encoding': chunked } = request.headers;
    if (bodiless.has(request.method) && (chunked !== undefined || (length !== undefined && length !== '0'))) {
      throw new ApiProblem('invalid_request', `A ${request.method} request carries no body.`);
    }
  });
}
