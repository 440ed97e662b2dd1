// DOM cleanup between tests; waits long enough for a loaded 2-core machine (see tests/renderer/setup.ts).
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

configure({ asyncUtilTimeout: 30_000 });

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/portal/');
});
