import type { ApplicantDetail, DevStepView } from '@jiceng/contracts';
import { Button, Card, Space, Tag, theme, Timeline, Typography } from 'antd';
import { recordDates, recorderText, stepsByStage, stepState, waitingText, type StepState } from './form.ts';

function StepItem({ step: s, state, dates, onRecord }: { step: DevStepView; state: StepState; dates: string[]; onRecord: () => void }) {
  return (
    <div data-testid={`dev-step-${s.key}`} data-state={state}>
      <Space wrap size={8}>
        <Typography.Text strong={state === 'open' || state === 'waiting'}>
          第{s.no}步 {s.label}
        </Typography.Text>
        <Tag bordered={false}>{recorderText(s.by)}</Tag>
        {state === 'done' && <Typography.Text type="success">已办理 {s.doneOn}</Typography.Text>}
        {state === 'open' && <Tag color="processing">可办理</Tag>}
        {state === 'waiting' && <Tag color="warning">尚不能办理</Tag>}
        {state === 'later' && <Typography.Text type="secondary">待前序步骤完成</Typography.Text>}
        {s.canRecord && (state === 'open' || state === 'waiting') && (
          <Button size="small" type={state === 'open' ? 'primary' : 'default'} onClick={onRecord} aria-label={`办理第${s.no}步${s.label}`}>
            办理
          </Button>
        )}
      </Space>
      {s.periodic && dates.length > 0 && (
        <div style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">已记录 {dates.length} 次：</Typography.Text>
          {dates.map((d, i) => (
            <Typography.Text type="success" key={`${d}-${i}`} style={{ marginRight: 8 }}>
              {d}
            </Typography.Text>
          ))}
        </div>
      )}
      {s.periodic && state === 'open' && (
        <div>
          <Typography.Text type="secondary">每半年记录一次，直至本阶段结束</Typography.Text>
        </div>
      )}
      {state === 'waiting' && (
        <div style={{ marginTop: 4 }}>
          <Typography.Text type="warning">{waitingText(s)}</Typography.Text>
        </div>
      )}
    </div>
  );
}

/**
 * The 25 steps under the 5 stages: done (green, with the date), open now (blue, 办理 for whoever
 * records it), waiting for a rule (orange, with why and from when), or after steps still missing.
 * A periodic step (培养教育考察, 继续教育考察) lists every date and stays open while its stage lasts.
 */
export function StepsCard({ detail, onRecord }: { detail: ApplicantDetail; onRecord: (step: DevStepView) => void }) {
  const { token } = theme.useToken();
  const dot: Record<StepState, string> = { done: token.colorSuccess, open: token.colorInfo, waiting: token.colorWarning, later: token.colorBorder };
  return (
    <Card
      title="发展流程"
      size="small"
      extra={
        <Typography.Text type="secondary">
          {detail.ruleSetId}，共 {detail.steps.length} 个步骤
        </Typography.Text>
      }
    >
      {stepsByStage(detail.steps).map((g, i) => (
        <section key={g.stage} aria-label={g.label} data-testid={`dev-stage-${g.stage}`}>
          <Typography.Title level={5} style={{ marginTop: i ? 8 : 0 }}>
            {i + 1}. {g.label}
          </Typography.Title>
          <Timeline
            style={{ marginTop: 12, marginBottom: 0 }}
            items={g.steps.map((s) => {
              const state = stepState(s);
              return {
                key: s.key,
                color: dot[state],
                children: <StepItem step={s} state={state} dates={s.periodic ? recordDates(detail.records, s.key) : []} onRecord={() => onRecord(s)} />,
              };
            })}
          />
        </section>
      ))}
    </Card>
  );
}
