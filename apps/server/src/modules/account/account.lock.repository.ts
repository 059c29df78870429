import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

/** Row locks of account management (decisions are re-checked under them, ADR 0010). */
export const accountLockRepository = {
  /** Locks the account row until the transaction ends; false when there is none. */
  async lock(tx: Database, regionId: string, id: string): Promise<boolean> {
    return !!(await tx.one<{ id: string }>(sql`select id from account where region_id = ${regionId} and id = ${id} for update`));
  },
};
export type AccountLockRepository = typeof accountLockRepository;
