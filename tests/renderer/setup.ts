// IndexedDB for the cache under test (Chromium's own is proven in tests/e2e); DOM cleanup between tests.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
