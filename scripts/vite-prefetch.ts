import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * Names every chunk the page loads later (the workspace, loaded after sign-in) in a
 * `<link rel="prefetch">`: the browser fetches them at idle on the sign-in page without running
 * them, and the browser host's service worker, which keeps what the page names, keeps them for
 * offline reloads (src-renderer/sw/service-worker.ts).
 */
export function prefetchLaterChunks(): Plugin {
  return {
    name: 'klikpay:prefetch-later-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const tags: HtmlTagDescriptor[] = [];
        for (const [fileName, output] of Object.entries(ctx.bundle ?? {})) {
          const later = output.type === 'chunk' ? !output.isEntry : fileName.endsWith('.css');
          if (!later || html.includes(fileName)) continue;
          // `as` puts the request under the page's script-src or style-src (its default-src is 'none').
          const as = fileName.endsWith('.css') ? 'style' : 'script';
          tags.push({ tag: 'link', attrs: { rel: 'prefetch', as, href: `./${fileName}` }, injectTo: 'head' });
        }
        return tags;
      },
    },
  };
}
