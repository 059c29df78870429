import crypto from 'node:crypto';

/**
 * This server process, for work it owns in the database (background imports): a fresh id per start.
 * On PostgreSQL each connection carries it as `application_name` (`jiceng:<id>`), so a starting
 * process can tell which owners are still connected; the embedded engine has one process only.
 */
export const RUNNER_ID = crypto.randomUUID();
export const RUNNER_APP_PREFIX = 'jiceng:';
export const RUNNER_APP_NAME = `${RUNNER_APP_PREFIX}${RUNNER_ID}`;
