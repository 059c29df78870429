import { uuidv7 } from 'uuidv7';

/** App-generated, time-ordered ids (no per-table sequences; see architecture schema rules). */
export const newId = (): string => uuidv7();

/** An ltree label for an id: ltree labels allow only [A-Za-z0-9_]. */
export const pathLabel = (id: string): string => id.replaceAll('-', '');
