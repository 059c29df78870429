import { creditCode, YEAR, type WorldContext } from './context.ts';

/** Hardship: a cadre who is a member, visits, a closed record. */
export async function worldHardship(w: WorldContext): Promise<void> {
  const { add, person, post, streetA, secA1a } = w;
  const cadre = await post(secA1a, 'cadre', '/api/hardship/cadres', { name: person('cadre').name, phone: '13700000001', memberId: person('cadre').memberId });
  add('hardshipCadre', cadre.id);
  add('hardshipCadre', (await post(streetA, 'cadre 2', '/api/hardship/cadres', { name: '街道帮扶干部', phone: '13700000002' })).id);
  const open = await post(secA1a, 'hardship', '/api/hardship', {
    memberId: person('hardshipOpen').memberId,
    type: 'illness',
    detail: '患慢性病，长期服药，家庭收入低',
    startDate: `${YEAR}-01-10`,
    cadreId: cadre.id,
  });
  add(
    'hardshipVisit',
    (
      await post(secA1a, 'visit', `/api/hardship/${open.id}/visits`, {
        visitDate: `${YEAR}-02-10`,
        visitor: '社区书记',
        content: '送去慰问品并了解病情',
        amount: '500',
      })
    ).id,
  );
  const closed = await post(secA1a, 'hardship 2', '/api/hardship', {
    memberId: person('hardshipClosed').memberId,
    type: 'living',
    detail: '房屋漏雨，生活困难',
    startDate: `${YEAR}-01-12`,
  });
  await post(secA1a, 'close hardship', `/api/hardship/${closed.id}/close`, { closedDate: `${YEAR}-11-01`, reason: '房屋已修缮，已脱困' });
  add('hardship', open.id);
  add('hardship', closed.id);
}

/** Report-ins by the branch side, one cancelled; a unit filed by the community. */
export async function worldReportIns(w: WorldContext): Promise<void> {
  const { t, add, person, post, secA1a, communityA1 } = w;
  const report = (key: string) =>
    post(secA1a, `report-in ${key}`, '/api/report-ins/members', {
      memberId: person(key).memberId,
      communityId: t.communityB1,
      reportDate: `${YEAR}-10-01`,
      intentions: '法律咨询、义务家教',
    });
  add('memberReport', (await report('reportIn')).id);
  const gone = await report('reportCancelled');
  await post(secA1a, 'cancel report-in', `/api/report-ins/members/${gone.id}/cancel`, { date: `${YEAR}-11-01`, reason: '已搬家' });
  add('memberReport', gone.id);
  add(
    'unitReport',
    (
      await post(communityA1, 'unit report 2', '/api/report-ins/units', {
        communityId: t.communityA1,
        unitName: '某区第一中学',
        creditCode: creditCode('12320102MB0000001'),
        contactName: '刘老师',
        phone: '13512340001',
        reportDate: `${YEAR}-09-02`,
      })
    ).id,
  );
}
