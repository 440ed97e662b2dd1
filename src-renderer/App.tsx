import { useQuery } from '@tanstack/react-query';
import { bridge } from './bridge';

/** The shell of the back office: which host it runs in and its version. Queues arrive with the next issues. */
export function App() {
  const info = useQuery({
    queryKey: ['app-info'],
    queryFn: async () => {
      const result = await bridge.getAppInfo();
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
  });
  return (
    <main className="shell">
      <header>
        <h1>Klik &amp; Pay Dispute Desk</h1>
        <p className="subtitle">Service de règlement des litiges · Dispute Settlement Department</p>
      </header>
      <dl className="facts" aria-label="About this app">
        <dt>Host</dt>
        <dd>{bridge.host === 'electron' ? 'Desktop (Electron)' : 'Browser'}</dd>
        <dt>Version</dt>
        <dd>{info.data ? `${info.data.version} (${info.data.platform})` : info.isError ? 'unknown' : '…'}</dd>
      </dl>
    </main>
  );
}
