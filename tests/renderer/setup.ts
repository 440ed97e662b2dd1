// IndexedDB for the cache under test (Chromium's own is proven in tests/e2e); DOM cleanup between tests.
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// `waitFor` and `findBy…` wait 1 s by default: far too little on a loaded 2-core machine. They
// return as soon as their check passes, so a generous budget costs nothing when all is well.
configure({ asyncUtilTimeout: 30_000 });

afterEach(() => {
  cleanup();
});
