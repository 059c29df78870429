import type { DuesBasis } from '@jiceng/contracts';
import { expectOk, YEAR, type WorldContext } from './context.ts';

/** 党费基数: a salaried basis from January and a retired one from July for one member; the months are the `:month` of the dues routes. */
export async function worldDues(w: WorldContext): Promise<void> {
  const { add, person, secA1a } = w;
  const memberId = person('plain').memberId;
  for (const [month, body] of [
    [`${YEAR}-01`, { category: 'salaried', baseFen: 510_000 }],
    [`${YEAR}-07`, { category: 'retired', baseFen: 420_000 }],
  ] as const) {
    expectOk('dues basis', await secA1a.put<DuesBasis>(`/api/members/${memberId}/dues-bases/${month}`, body));
    add('duesMonth', month);
  }
}
