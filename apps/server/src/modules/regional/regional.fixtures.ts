import { creditCodeCheckChar, type RgNeedInput, type RgResourceInput, type UnitReportIn } from '@jiceng/contracts';
import { login, PASSWORD, type Client, type TestServer } from '../../test/harness.ts';

/** A need as a community records it (elderly care, its own community). */
export const needInput = (orgId: string, over: Partial<RgNeedInput> = {}): RgNeedInput => ({
  orgId,
  categoryCode: 'elderly',
  title: '独居老人助餐',
  description: '辖区 18 位独居老人午餐无人照料',
  beneficiaries: '辖区独居老人',
  beneficiaryCount: 18,
  urgency: 'soon',
  wantedBy: '2026-12-20',
  source: 'visit',
  ...over,
});

export const resourceInput = (over: Partial<RgResourceInput> = {}): RgResourceInput => ({
  ownerKind: 'unit',
  categoryCode: 'elderly',
  title: '医护志愿服务',
  description: '每月派出医护人员上门随访',
  capacityPeople: 6,
  availableFrom: '2026-01-01',
  availableTo: '2026-12-31',
  contactName: '周主任',
  phone: '13512340000',
  ...over,
});

let codes = 0;
/** A 驻区单位 account of `communityId` that has filed its unit's report there (its unit id is the report's). */
export async function unitAccount(server: TestServer, username: string, communityId: string, unitName: string): Promise<{ client: Client; unitId: string }> {
  await server.modules.account.bootstrap({
    username,
    displayName: unitName,
    role: 'resident_unit',
    orgId: communityId,
    password: PASSWORD,
    mustChangePassword: false,
  });
  const client = await login(server, username);
  const first17 = `91320102MA${String(100_000 + ++codes).padStart(7, '0')}`;
  const res = await client.post<UnitReportIn>('/api/report-ins/units', {
    communityId,
    unitName,
    creditCode: first17 + creditCodeCheckChar(first17)!,
    contactName: '周经理',
    phone: '13512340000',
    reportDate: '2026-09-01',
  });
  if (res.status !== 201) throw new Error(`unit report: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, unitId: res.body.id };
}
