import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorBlock, List, SpinLoading } from 'antd-mobile';
import type { ReactNode } from 'react';
import { NOT_LINKED } from './memberApi.ts';

interface OwnListScreenProps<T> {
  title: string;
  subtitle: string;
  /** The member's own list; null when the account has no member record. */
  query: UseQueryResult<T[] | null>;
  /** What could not be read, e.g. 转接记录. */
  noun: string;
  /** Shown when the list is empty. */
  empty: { title: string; description: string };
  /** The rows, already ordered. */
  children: (items: T[]) => ReactNode;
}

/** A 我的… tab: header, then loading, error, not linked, empty, or the list. */
export function OwnListScreen<T>({ title, subtitle, query, noun, empty, children }: OwnListScreenProps<T>) {
  const { data, isPending, isError } = query;
  return (
    <>
      <div className="h5-hero">
        <h1>{title}</h1>
        <p>{subtitle}</p>
      </div>
      {isPending && <div style={{ paddingTop: 60, display: 'flex', justifyContent: 'center' }}><SpinLoading color="primary" /></div>}
      {isError && <ErrorBlock status="disconnected" title={`暂时无法读取${noun}`} description="请稍后重试" />}
      {data === null && <ErrorBlock status="empty" {...NOT_LINKED} />}
      {data?.length === 0 && <ErrorBlock status="empty" {...empty} />}
      {!!data?.length && (
        <div className="h5-section">
          <List>{children(data)}</List>
        </div>
      )}
    </>
  );
}
