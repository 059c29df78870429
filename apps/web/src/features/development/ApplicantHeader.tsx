import { DownloadOutlined, DownOutlined, StopOutlined } from '@ant-design/icons';
import { Permission, type ApplicantDetail } from '@jiceng/contracts';
import { Breadcrumb, Button, Card, Descriptions, Dropdown, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { messageOf } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showError } from '../../shared/feedback.ts';
import { downloadDossier } from './api.ts';
import { DOSSIER_FORMS, type DossierForm } from './form.ts';
import { StageTag } from './labels.tsx';
import { StopModal } from './StopModal.tsx';

/** Stages in which the branch may still stop the path (a 预备党员 is decided on at the 转正 meeting). */
const STOPPABLE = ['applicant', 'activist', 'candidate'];

/**
 * The applicant's header: name, stage, branch, the masked ID number and the dates that matter, the
 * dossier (.docx, whole or one form) and 终止培养 while the path is still open.
 */
export function ApplicantHeader({ detail: a }: { detail: ApplicantDetail }) {
  const me = useMe();
  const [busy, setBusy] = useState<string | null>(null);
  const [stopping, setStopping] = useState(false);
  const canStop = !a.ended && STOPPABLE.includes(a.stage) && (hasPermission(me, Permission.DEV_RECORD) || hasPermission(me, Permission.DEV_APPROVE));
  const get = (form?: DossierForm) => {
    setBusy(form ?? 'all');
    downloadDossier(a.id, a.name, form)
      .catch((e: unknown) => showError(messageOf(e)))
      .finally(() => setBusy(null));
  };

  return (
    <Card styles={{ body: { paddingTop: 12 } }}>
      <Breadcrumb items={[{ title: <Link to="/development">发展党员</Link> }, { title: a.name }]} style={{ marginBottom: 8 }} />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap' }}>
        <Space align="baseline" size={12} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="dev-title">
            {a.name}
          </Typography.Title>
          <StageTag stage={a.stage} ended={a.ended} stateLabel={a.stateLabel} testId="dev-stage-tag" />
          <Typography.Text type="secondary">{a.orgName}</Typography.Text>
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={busy === 'all'} onClick={() => get()}>
            下载发展档案
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{ items: DOSSIER_FORMS.map((f) => ({ key: f.key, label: f.label })), onClick: ({ key }) => get(key as DossierForm) }}
          >
            <Button loading={!!busy && busy !== 'all'}>
              <Space size={4}>
                单项表格
                <DownOutlined />
              </Space>
            </Button>
          </Dropdown>
          {canStop && (
            <Button danger icon={<StopOutlined />} onClick={() => setStopping(true)}>
              终止培养
            </Button>
          )}
        </Space>
      </div>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginTop: 12 }} data-testid="dev-facts">
        <Descriptions.Item label="党支部">{a.orgName}</Descriptions.Item>
        <Descriptions.Item label="性别">{a.gender}</Descriptions.Item>
        <Descriptions.Item label="公民身份号码">{a.idNumberMasked}</Descriptions.Item>
        <Descriptions.Item label="出生年月">{a.birthMonth}</Descriptions.Item>
        <Descriptions.Item label="申请时年龄">{a.ageAtApplication} 岁</Descriptions.Item>
        <Descriptions.Item label="民族">{a.ethnicity}</Descriptions.Item>
        <Descriptions.Item label="学历">{a.education}</Descriptions.Item>
        <Descriptions.Item label="人员类别">{a.occupation}</Descriptions.Item>
        {a.workUnit && <Descriptions.Item label="工作单位及职务">{a.workUnit}</Descriptions.Item>}
        {a.phoneMasked && <Descriptions.Item label="联系电话">{a.phoneMasked}</Descriptions.Item>}
        <Descriptions.Item label="递交申请">{a.appliedOn}</Descriptions.Item>
        {a.probationEnd && <Descriptions.Item label="预备期至">{a.probationEnd}</Descriptions.Item>}
        {a.partyAgeFrom && <Descriptions.Item label="党龄起算">{a.partyAgeFrom}</Descriptions.Item>}
        {a.memberId && hasPermission(me, Permission.MEMBER_READ) && (
          <Descriptions.Item label="党员档案">
            <Link to={`/members/${a.memberId}`}>查看党员档案</Link>
          </Descriptions.Item>
        )}
        {a.ended && (
          <Descriptions.Item label={a.ended === 'cancelled' ? '取消资格原因' : '终止原因'}>
            <Typography.Text type="danger">{a.endReason ?? a.stateLabel}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      {stopping && <StopModal detail={a} onClose={() => setStopping(false)} />}
    </Card>
  );
}
