import type { DuesBasis, DuesMemberLedger } from '@jiceng/contracts';
import { expectOk, YEAR, type WorldContext } from './context.ts';

/**
 * 党费: a salaried basis from January and a retired one from July for one member; the month's
 * ledger made by the job, and a payment of November (the world's current month) and of May (补交),
 * so the ledger, summary, publication and member routes answer with rows. The months are the
 * `:month` of the dues routes (bases and ledger months).
 */
export async function worldDues(w: WorldContext): Promise<void> {
  const { add, person, secA1a, server } = w;
  const memberId = person('plain').memberId;
  for (const [month, body] of [
    [`${YEAR}-01`, { category: 'salaried', baseFen: 510_000 }],
    [`${YEAR}-07`, { category: 'retired', baseFen: 420_000 }],
  ] as const) {
    expectOk('dues basis', await secA1a.put<DuesBasis>(`/api/members/${memberId}/dues-bases/${month}`, body));
    add('duesMonth', month);
  }
  await server.modules.dues.ledger.generateMonth();
  expectOk(
    'dues payment',
    await secA1a.post<DuesMemberLedger>(`/api/members/${memberId}/dues/payments`, {
      months: [`${YEAR}-05`, `${YEAR}-11`],
      paidOn: `${YEAR}-11-20`,
      channel: 'transfer',
    }),
  );
  add('duesMonth', `${YEAR}-11`);
}
