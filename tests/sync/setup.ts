// Real IndexedDB semantics in Node for the engine's tests; Chromium's own is proven in tests/e2e.
import 'fake-indexeddb/auto';
