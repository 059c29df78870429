import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, ok } from './antd.ts';
import { desktopPage, launchChromium, loginAt } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

/**
 * 区域化党建 in the browser: the community (shequ) posts a need; the demo 驻区单位 (danwei) offers a
 * resource for it; the community opens 资源匹配, takes the proposed resource and 立项; the unit
 * agrees; the community records an activity, completes the project and rates it; the community
 * assembles this year's 双报告 and the unit's report shows the project, as does its ledger.
 */

const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const NEED = '端到端独居老人送餐';
const RESOURCE = '端到端医护送餐志愿队';
let app: RunningApp;
let browser: Browser;

const dialogNamed = (page: Page, title: string | RegExp) => page.getByRole('dialog').filter({ hasText: title });

describe('区域化党建：登记需求、单位登记资源、资源匹配立项、单位同意、活动、完成评价、双报告', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('takes a need from the community through matching, the unit’s consent and rating into the unit’s yearly report', async () => {
    const community = await desktopPage(browser);
    const unit = await desktopPage(browser);

    // the community posts the need
    await loginAt(community, app.url, '/regional/needs', 'shequ');
    await community.getByRole('button', { name: '登记需求' }).click();
    const needForm = dialogNamed(community, '登记需求');
    await choose(community, needForm, '需求类别', '助老助残');
    await needForm.getByLabel('需求名称').fill(NEED);
    await needForm.getByLabel('需求描述').fill('辖区独居老人午餐无人照料，需要送餐和健康随访');
    await needForm.getByLabel('受益对象').fill('辖区独居老人');
    await needForm.getByLabel('受益人数').fill('12');
    await needForm.getByLabel('预计人力（人）').fill('6');
    await ok(needForm, '登记');
    await community.getByTestId('rg-need-title').filter({ hasText: NEED }).waitFor();
    await expect.poll(() => community.getByTestId('rg-need-state').textContent()).toContain('待认领');
    const needUrl = community.url();

    // the unit offers a resource for it
    await loginAt(unit, app.url, '/regional/resources', 'danwei');
    await unit.getByRole('button', { name: '登记资源' }).click();
    const resForm = dialogNamed(unit, '登记资源');
    await choose(unit, resForm, '资源类别', '助老助残');
    await resForm.getByLabel('资源名称').fill(RESOURCE);
    await resForm.getByLabel('资源描述').fill('每周三次为独居老人送餐，医护人员随访');
    await resForm.getByLabel('可提供人力（人）').fill('10');
    await resForm.getByLabel('联系人').fill('钱主任');
    await resForm.getByLabel('联系电话').fill('13611112222');
    await ok(resForm, '登记');
    await unit.getByText(RESOURCE).first().waitFor();

    // the community takes the proposed match as a project
    await community.goto(needUrl);
    await community
      .getByTestId('rg-need-actions')
      .getByRole('button', { name: /资源匹配/ })
      .click();
    const matches = community.getByTestId('rg-matches');
    await matches.getByLabel(`选择资源：${RESOURCE}`).check();
    await expect.poll(async () => (await matches.textContent()) ?? '').toContain('类别相同');
    await community.getByTestId('rg-propose').click();
    const projectForm = dialogNamed(community, `立项：${NEED}`);
    await projectForm.getByLabel('实施方案').fill('医院志愿队每周一、三、五送餐上门，每月健康随访一次');
    await projectForm.getByRole('button', { name: '确认立项' }).click();
    await community.waitForURL(/\/regional\/projects\/[0-9a-f-]{36}$/);
    await expect.poll(() => community.getByTestId('rg-project-state').textContent()).toContain('待单位确认');
    const projectUrl = community.url();

    // the unit agrees
    await unit.goto(projectUrl);
    await unit
      .getByTestId('rg-project-actions')
      .getByRole('button', { name: /同意参与/ })
      .click();
    await unit
      .locator('.ant-popover')
      .getByRole('button', { name: /同意参与/ })
      .click();
    await expect.poll(() => unit.getByTestId('rg-project-state').textContent()).toContain('实施中');

    // the community records an activity, completes and rates the project
    await community.reload();
    await community
      .getByTestId('rg-project-actions')
      .getByRole('button', { name: /记录活动/ })
      .click();
    const activity = dialogNamed(community, '记录活动');
    await activity.getByLabel('活动名称').fill('首次送餐上门');
    await activity.getByLabel('参与人数').fill('5');
    await activity.getByLabel('服务时长（小时）').fill('10');
    await activity.getByLabel('受益人数').fill('12');
    await activity.getByRole('button', { name: '保存活动' }).click();
    await activity.waitFor({ state: 'hidden' });
    await community.getByTestId('rg-activities').getByText('首次送餐上门').waitFor();
    await community
      .getByTestId('rg-project-actions')
      .getByRole('button', { name: /完成项目/ })
      .click();
    const complete = dialogNamed(community, '完成项目');
    await complete.getByLabel('项目成效').fill('为 12 位独居老人送餐 36 次');
    await complete.getByRole('button', { name: '完成项目' }).click();
    await complete.waitFor({ state: 'hidden' });
    await expect.poll(() => community.getByTestId('rg-project-state').textContent()).toContain('已完成');
    await community.getByTestId('rg-project-actions').getByRole('button', { name: /评价/ }).first().click();
    const rate = dialogNamed(community, '评价项目');
    await rate.getByRole('button', { name: '提交评价' }).click();
    await rate.waitFor({ state: 'hidden' });
    await expect.poll(() => community.getByTestId('rg-project-state').textContent()).toContain('已评价');

    // this year's 双报告: assembled by the community, the project on the unit's report and ledger
    await community.goto(`${app.url}/regional/reports`);
    const yearId = await community.getByRole('combobox', { name: '年度' }).getAttribute('id');
    await community.locator('.ant-select[aria-label="年度"]').click();
    await community
      .locator(`.ant-select-dropdown:has([id="${yearId}_list"]) .ant-select-item-option`)
      .filter({ hasText: String(YEAR) })
      .first()
      .click();
    await community.getByRole('button', { name: `生成${YEAR}年报告` }).click();
    await community
      .locator('.ant-popover')
      .getByRole('button', { name: /生\s*成/ })
      .click();
    await community.getByText(/已生成 \d+ 份/).waitFor();

    await unit.goto(`${app.url}/regional/my-reports`);
    await unit
      .getByRole('row')
      .filter({ hasText: String(YEAR) })
      .getByRole('link')
      .first()
      .click();
    await unit.getByText('参与的项目').waitFor();
    await expect.poll(async () => (await unit.locator('.ant-table').last().textContent()) ?? '').toContain(`${NEED}`);
    await unit.goto(`${app.url}/regional/units`);
    await unit.getByTestId('rg-units').getByRole('link').first().click();
    await expect.poll(async () => (await unit.getByTestId('rg-ledger-projects').textContent()) ?? '').toContain(NEED);
  });
});
