/**
 * The app's stylesheets, read from disk: Vitest empties CSS imports (even `?raw`), and this
 * project's DOM tests have no Node typings, so Node's `fs` is reached through `process`.
 */
export function readStylesheet(path: string): string {
  const host = globalThis as { process?: { cwd: () => string; getBuiltinModule?: (id: string) => unknown } };
  const fs = host.process?.getBuiltinModule?.('node:fs') as
    { readFileSync: (path: string, encoding: 'utf8') => string } | undefined;
  if (!fs) throw new Error('the stylesheets are read with Node’s fs');
  // From the project's root, where Vitest runs (`import.meta.url` is not a file URL in the DOM environment).
  return fs.readFileSync(`${host.process?.cwd() ?? '.'}/${path}`, 'utf8');
}

/**
 * Puts stylesheets of the app in the document, as its bundle does, so `getComputedStyle` answers
 * with their rules (happy-dom cascades them; it does no layout). Returns the way to take them out.
 */
export function applyStylesheets(...paths: string[]): () => void {
  const style = document.createElement('style');
  style.textContent = paths.map(readStylesheet).join('\n');
  document.head.append(style);
  return () => style.remove();
}
