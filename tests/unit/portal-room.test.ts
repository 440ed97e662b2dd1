import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The portal's room (eslint.config.js): an online web app over the HTTP contract, so it may use
 * src-shared, React and TanStack Query, and nothing of the back office, its cache or Node.
 */

const eslint = new ESLint({
  cwd: resolve(import.meta.dirname, '..', '..'),
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  overrideConfig: { languageOptions: { parserOptions: { project: false, projectService: false } } },
});

async function refusedLines(code: string): Promise<number[]> {
  const [result] = await eslint.lintText(code, { filePath: 'src-portal/screens/probe.tsx' });
  return (result?.messages ?? []).map((m) => m.line);
}

describe('the portal room', () => {
  it('refuses the back office, its cache, Electron, the server and Node', async () => {
    const code = [
      "import Dexie from 'dexie';",
      "import { useLiveQuery } from 'dexie-react-hooks';",
      "import { bridge } from '../../src-renderer/bridge';",
      "import { ipcRenderer } from 'electron';",
      "import { buildApp } from '../../src-server/app';",
      "import { readFileSync } from 'node:fs';",
      'export const all = [Dexie, useLiveQuery, bridge, ipcRenderer, buildApp, readFileSync];',
    ].join('\n');
    expect(await refusedLines(code)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('lets it use the shared domain and contract, React, TanStack Query and zod', async () => {
    const code = [
      "import { useQuery } from '@tanstack/react-query';",
      "import { useState } from 'react';",
      "import { z } from 'zod';",
      "import { apiBase } from '../../src-shared/contract/api';",
      'export const all = [useQuery, useState, z, apiBase];',
    ].join('\n');
    expect(await refusedLines(code)).toEqual([]);
  });
});
