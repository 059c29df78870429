import { Button, Card, Result, Spin } from 'antd';
import { useNavigate } from 'react-router-dom';

export function PageLoading() {
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** A record's page that could not be read: what, the server's reason, and the way back to its list. */
export function PageLoadFailed({ title, error, back, backLabel }: { title: string; error: Error; back: string; backLabel: string }) {
  const navigate = useNavigate();
  return (
    <Card>
      <Result status="warning" title={title} subTitle={error.message} extra={<Button onClick={() => navigate(back)}>{backLabel}</Button>} />
    </Card>
  );
}
