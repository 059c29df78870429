import { APPRAISAL_GRADES, APPRAISAL_REMARK_MAX, appraisalGradeLabel, DISPOSITION_KINDS, ErrorCode, Permission, type AppraisalGrade, type AppraisalGradeItem, type AppraisalRow, type DispositionKind } from '@jiceng/contracts';
import { Alert, Button, DatePicker, Input, Result, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { hasPermission } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { genderText, MemberStatusTag } from '../members/labels.tsx';
import { useAppraisalSheet, useSaveGrades } from './api.ts';
import { DispositionText, gradeText, kindText } from './labels.tsx';
import { OverrideModal } from './OverrideModal.tsx';

type Edit = Omit<AppraisalGradeItem, 'memberId'>;

const gradeOptions = APPRAISAL_GRADES.map((g) => ({ value: g, label: appraisalGradeLabel[g] }));
const kindOptions = DISPOSITION_KINDS.map((k) => ({ value: k, label: kindText(k) }));
const needsOverride = (e: unknown) => e instanceof ApiError && e.code === ErrorCode.RULE_VIOLATION && (e.details as { needsOverride?: boolean } | undefined)?.needsOverride === true;

/**
 * 评议表 of one branch-year: each member's grade picked in the table, counts and the one-third
 * indicator updated as you pick, then saved in one request (all or nothing). A 不合格 needs its
 * 组织处置; 优秀 above one third asks for a reason.
 */
export function SheetTab({ orgId, year }: { orgId: string; year: number }) {
  const me = useMe();
  const canWrite = hasPermission(me, Permission.MEMBER_WRITE);
  const sheet = useAppraisalSheet(orgId, year);
  const save = useSaveGrades();
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [overrideMessage, setOverrideMessage] = useState<string | null>(null);

  if (sheet.isPending) return <Table loading columns={[]} />;
  if (sheet.isError) return <Result status="warning" title="无法打开评议表" subTitle={sheet.error.message} />;
  const s = sheet.data;
  const gradeOf = (r: AppraisalRow) => edits[r.memberId]?.grade ?? r.grade;
  const edit = (r: AppraisalRow, patch: Partial<Edit>) => {
    const current = edits[r.memberId] ?? { grade: gradeOf(r) as AppraisalGrade };
    const next = { ...current, ...patch };
    // A new 不合格 needs a disposition; other grades carry none.
    if (next.grade === 'unqualified' && !r.disposition) next.disposition = next.disposition ?? { kind: 'correction' };
    else delete next.disposition;
    setEdits({ ...edits, [r.memberId]: next });
  };

  const here = s.rows.filter((r) => r.appraisedElsewhere === null);
  const count = (g: string | null) => here.filter((r) => gradeOf(r) === g).length;
  const excellent = count('excellent');
  const over = excellent > s.excellentLimit;
  const changed = Object.keys(edits).length;

  const submit = (overrideReason?: string) =>
    save.mutate(
      { orgId, year, grades: Object.entries(edits).map(([memberId, e]) => ({ memberId, ...e })), overrideReason },
      {
        onSuccess: () => {
          setEdits({});
          setOverrideMessage(null);
          showSuccess('评议结果已保存');
        },
        onError: (e) => (needsOverride(e) ? setOverrideMessage(e.message) : showError(messageOf(e))),
      },
    );

  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 32, marginBottom: 16 }}>
        <Statistic title="参加评议" value={s.appraisedCount} suffix="人" />
        {APPRAISAL_GRADES.map((g) => <Statistic key={g} title={gradeText(g)} value={count(g)} />)}
        <Statistic title="未评定" value={count(null)} />
        <Statistic
          title="优秀 / 三分之一上限"
          value={excellent}
          suffix={`/ ${s.excellentLimit}`}
          valueStyle={{ color: over ? '#cf1322' : undefined }}
        />
      </div>
      {over && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`优秀 ${excellent} 名，超过参加评议党员的三分之一（最多 ${s.excellentLimit} 名）${excellent > (s.counts.excellent ?? 0) ? '；保存时需要说明理由' : '；超出理由见下表'}`}
        />
      )}
      {canWrite && (
        <Space style={{ display: 'flex', marginBottom: 12 }}>
          <Button type="primary" disabled={changed === 0} loading={save.isPending} onClick={() => submit()}>保存评议结果{changed ? `（${changed} 人）` : ''}</Button>
          {changed > 0 && <Button onClick={() => setEdits({})}>放弃修改</Button>}
        </Space>
      )}
      <Table<AppraisalRow>
        rowKey="memberId"
        size="middle"
        dataSource={s.rows}
        pagination={false}
        locale={{ emptyText: '该党支部没有需要参加评议的党员' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 110 },
          { title: '性别', dataIndex: 'gender', width: 60, render: genderText },
          { title: '党员状态', dataIndex: 'memberStatus', width: 110, render: (v: string) => <MemberStatusTag status={v} /> },
          {
            title: '评议等次',
            key: 'grade',
            width: 150,
            render: (_: unknown, r) =>
              r.appraisedElsewhere ? (
                <Typography.Text type="secondary">已在「{r.appraisedElsewhere}」评议</Typography.Text>
              ) : (
                <Select<AppraisalGrade>
                  aria-label={`${r.name} 评议等次`}
                  size="small"
                  style={{ width: 120 }}
                  placeholder="请选择"
                  value={(gradeOf(r) as AppraisalGrade | null) ?? undefined}
                  options={gradeOptions}
                  disabled={!canWrite || r.disposition?.status === 'done'}
                  onChange={(grade) => edit(r, { grade })}
                />
              ),
          },
          {
            title: '组织处置',
            key: 'disposition',
            width: 300,
            render: (_: unknown, r) => {
              if (r.disposition && gradeOf(r) === 'unqualified') return <DispositionText d={r.disposition} />;
              const d = edits[r.memberId]?.disposition;
              if (!d) return r.disposition ? <Tag>保存后将撤销{kindText(r.disposition.kind)}</Tag> : '—';
              return (
                <Space size={4}>
                  <Select<DispositionKind> aria-label={`${r.name} 组织处置`} size="small" style={{ width: 100 }} value={d.kind} options={kindOptions} onChange={(kind) => edit(r, { disposition: { kind } })} />
                  {d.kind === 'correction' && (
                    <DatePicker
                      aria-label={`${r.name} 处置期限`}
                      size="small"
                      placeholder="期限默认 6 个月"
                      value={d.deadline ? dayjs(d.deadline) : null}
                      onChange={(v) => edit(r, { disposition: { ...d, deadline: v ? v.format('YYYY-MM-DD') : null } })}
                    />
                  )}
                </Space>
              );
            },
          },
          {
            title: '评议意见',
            key: 'remark',
            render: (_: unknown, r) =>
              canWrite && gradeOf(r) && !r.appraisedElsewhere ? (
                <Input aria-label={`${r.name} 评议意见`} size="small" maxLength={APPRAISAL_REMARK_MAX} value={edits[r.memberId]?.remark ?? r.remark ?? ''} onChange={(e) => edit(r, { remark: e.target.value })} />
              ) : (r.remark ?? '—'),
          },
          { title: '超出理由', dataIndex: 'overrideReason', width: 160, ellipsis: true, render: (v: string | null) => v ?? '—' },
        ]}
      />
      {overrideMessage && <OverrideModal message={overrideMessage} saving={save.isPending} onSubmit={submit} onCancel={() => setOverrideMessage(null)} />}
    </>
  );
}
