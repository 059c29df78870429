import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startApp } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The data folder of an app that seeded the demo district and stopped; each e2e file starts on a copy. */
    demoTemplate: string;
  }
}

/**
 * The e2e run's global setup: seeds the demo district once (a real start of the app, stopped
 * cleanly so the embedded database is closed), instead of once per test file.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const app = await startApp({ fresh: true, keepData: true });
  await app.stop();
  project.provide('demoTemplate', app.dataDir);
  return () => fs.rmSync(app.dataDir, { recursive: true, force: true });
}
