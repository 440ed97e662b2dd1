/**
 * Bytes to base64 and back, the same in Node (the desktop's main process) and in a page: `btoa`
 * and `atob` exist in both, where `Buffer` and `Uint8Array.fromBase64` do not.
 */

/** Slices of this many bytes: `String.fromCharCode(...bytes)` of a whole file would overflow the stack. */
const slice = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += slice) {
    binary += String.fromCharCode(...bytes.subarray(at, at + slice));
  }
  return btoa(binary);
}

/** The bytes of a base64 text (checked beforehand: `atob` throws on anything else). */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
