import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createPortalApi } from './api/client';
import { ApiProvider } from './api/context';
import { createHttp } from './api/http';
import { createQueryClient } from './api/queries';
import { I18nProvider } from './i18n/I18nProvider';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <ApiProvider api={createPortalApi(createHttp())}>
        <I18nProvider>
          <App />
        </I18nProvider>
      </ApiProvider>
    </QueryClientProvider>
  </StrictMode>,
);
