import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, loadSignedIn } from './App';
import { Session } from './app/session';
import { bridge } from './bridge';
import { I18nProvider } from './i18n/I18nProvider';
import { ThemeProvider } from './ui/theme';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');

const queryClient = new QueryClient({ defaultOptions: { queries: { networkMode: 'always' } } });
const session = new Session({ bridge, storage: window.localStorage });
void session.restore();
// Signed in last time: the workspace's chunk loads while the session opens the cache.
void bridge.currentUser().then((current) => {
  if (current.ok && current.value) void loadSignedIn();
});

// The browser host keeps its app shell for offline reloads; Electron serves it from app:// itself.
if (bridge.host === 'browser' && import.meta.env.PROD && 'serviceWorker' in navigator) {
  void navigator.serviceWorker.register('./sw.js').catch(() => undefined);
}

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ThemeProvider>
          <App session={session} />
        </ThemeProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
