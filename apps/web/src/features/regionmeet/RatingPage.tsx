import { RM_NOTE_MAX, type RmCriteria, type RmCriterion, type RmRating, type RmRatingPair } from '@jiceng/contracts';
import { Breadcrumb, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { PageLoadFailed, PageLoading } from '../../shared/PageLoading.tsx';
import { useRateCommunity, useRateUnit, useRatingPair } from './api.ts';
import { FiguresTable, GradeTag, yearChoices } from './labels.tsx';

const gradeOf = (total: number, grades: RmCriteria['grades']) => grades.find((g) => total >= g.min)?.grade ?? 'poor';

/** One side's rating: each criterion 0 to its maximum, the running total and grade, a comment. */
function RatingForm(props: {
  title: string;
  criteria: RmCriterion[];
  grades: RmCriteria['grades'];
  existing: RmRating | null;
  suggested: Record<string, number> | null;
  editable: boolean;
  busy: boolean;
  save: (v: { scores: Record<string, number>; comment: string | null; version?: number }) => Promise<unknown>;
}) {
  const [form] = Form.useForm<Record<string, number | string | null>>();
  const initial = Object.fromEntries(props.criteria.map((c) => [c.code, props.existing?.scores[c.code] ?? props.suggested?.[c.code] ?? null]));
  const values = Form.useWatch([], form) ?? initial;
  const total = props.criteria.reduce((a, c) => a + (Number(values[c.code]) || 0), 0);
  const submit = async () => {
    const v = await form.validateFields();
    const scores = Object.fromEntries(props.criteria.map((c) => [c.code, Number(v[c.code])]));
    try {
      await props.save({ scores, comment: (v.comment as string | null)?.trim() || null, ...(props.existing ? { version: props.existing.version } : {}) });
      showSuccess('评价已保存');
    } catch (e) {
      applyFieldErrors(form, e, Object.fromEntries(props.criteria.map((c) => [`scores.${c.code}`, c.code])));
    }
  };
  return (
    <Card
      size="small"
      title={
        <Space>
          {props.title}
          {props.existing ? <GradeTag grade={props.existing.grade} total={props.existing.total} /> : <Typography.Text type="secondary">未评价</Typography.Text>}
        </Space>
      }
    >
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 8 }}
        name={`rm-rating-${props.title}`}
        initialValues={{ ...initial, comment: props.existing?.comment ?? '' }}
        disabled={!props.editable}
      >
        {props.criteria.map((c) => (
          <Form.Item
            key={c.code}
            name={c.code}
            label={`${c.label}（${c.max}分）`}
            extra={c.hint}
            rules={[{ required: true, message: `请为「${c.label}」打分` }]}
          >
            <InputNumber min={0} max={c.max} precision={0} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label="评价意见">
          <Input.TextArea rows={2} maxLength={RM_NOTE_MAX} />
        </Form.Item>
        <Space>
          <span>
            合计 <b>{total}</b> 分
          </span>
          <GradeTag grade={gradeOf(total, props.grades)} />
          {props.editable && (
            <Button type="primary" loading={props.busy} onClick={() => void submit().catch(() => undefined)}>
              {props.existing ? '修改评价' : '提交评价'}
            </Button>
          )}
        </Space>
        {props.existing && (
          <div>
            <Typography.Text type="secondary">
              {props.existing.ratedByName} 评于 {dayjs(props.existing.updatedAt).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
          </div>
        )}
      </Form>
    </Card>
  );
}

/** Both ratings of one unit and year, the report beside them; who may rate which follows `can`. */
function PairView({
  pair,
  rateUnit,
  rateCommunity,
}: {
  pair: RmRatingPair;
  rateUnit?: ReturnType<typeof useRateUnit>;
  rateCommunity?: ReturnType<typeof useRateCommunity>;
}) {
  const key = `${pair.year}-${pair.ofUnit?.version ?? 0}-${pair.ofCommunity?.version ?? 0}`;
  return (
    <>
      <Descriptions size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="驻区单位">{pair.unitName}</Descriptions.Item>
        <Descriptions.Item label="社区">{pair.communityName}</Descriptions.Item>
        <Descriptions.Item label="评价标准">{pair.criteria.ruleSet}（优秀≥90，良好≥75，一般≥60）</Descriptions.Item>
      </Descriptions>
      {pair.report && (
        <Card size="small" title={`${pair.year}年双报告（${pair.report.state === 'pending' ? '待确认' : '已答复'}）`} style={{ marginBottom: 16 }}>
          <FiguresTable figures={pair.report.figures} corrected={pair.report.corrected} />
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <RatingForm
            key={`u-${key}`}
            title="社区评价单位"
            criteria={pair.criteria.unit}
            grades={pair.criteria.grades}
            existing={pair.ofUnit}
            suggested={pair.suggested}
            editable={pair.can.rateUnit}
            busy={rateUnit?.isPending ?? false}
            save={(v) => rateUnit!.mutateAsync({ year: pair.year, ...v })}
          />
        </Col>
        <Col xs={24} lg={12}>
          <RatingForm
            key={`c-${key}`}
            title="单位评价社区"
            criteria={pair.criteria.community}
            grades={pair.criteria.grades}
            existing={pair.ofCommunity}
            suggested={null}
            editable={pair.can.rateCommunity}
            busy={rateCommunity?.isPending ?? false}
            save={(v) => rateCommunity!.mutateAsync({ year: pair.year, unitId: pair.unitId, ...v })}
          />
        </Col>
      </Row>
    </>
  );
}

const useYear = () => {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || dayjs().year() - 1;
  return [year, (y: number) => setParams({ year: String(y) }, { replace: true })] as const;
};

/** 社区评价驻区单位 (`/regional/ratings/:unitId?year=`). */
export default function RatingPage() {
  const { unitId = '' } = useParams();
  const [year, setYear] = useYear();
  const query = useRatingPair(unitId, year);
  const rateUnit = useRateUnit(unitId);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <PageLoadFailed title="无法打开该单位的评价" error={query.error} back="/regional/ledger" backLabel="返回评价台账" />;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 16 }} items={[{ title: <Link to="/regional/ledger">双向评价台账</Link> }, { title: query.data.unitName }]} />
      <Card title="双向评价" extra={<Select aria-label="年度" style={{ width: 110 }} value={year} onChange={setYear} options={yearChoices(dayjs().year())} />}>
        <PairView pair={query.data} rateUnit={rateUnit} />
      </Card>
    </>
  );
}

/** 驻区单位评价社区 (`/regional/my-ratings`): the account's own unit, both ratings, its own to give. */
export function UnitRatingPage() {
  const [year, setYear] = useYear();
  const query = useRatingPair(null, year);
  const rateCommunity = useRateCommunity();
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <PageLoadFailed title="无法打开本单位的评价" error={query.error} back="/" backLabel="返回首页" />;
  return (
    <Card
      title="本单位双向评价"
      extra={<Select aria-label="年度" style={{ width: 110 }} value={year} onChange={setYear} options={yearChoices(dayjs().year())} />}
    >
      <PairView pair={query.data} rateCommunity={rateCommunity} />
    </Card>
  );
}
