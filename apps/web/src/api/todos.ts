import type { TodoPage, TodoQuery, TodoSummary } from '@jiceng/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

/** Every 待办 view lives under this root; the modules' mutations invalidate it. */
export const todoKeys = {
  all: ['todos'] as const,
  page: (q: TodoQuery) => ['todos', 'page', q] as const,
  summary: ['todos', 'summary'] as const,
};

/** One page of the account's 待办 (the server orders, filters and counts). */
export function useTodoPage(q: TodoQuery, enabled = true) {
  return useQuery({ queryKey: todoKeys.page(q), queryFn: () => api.get<TodoPage>('/api/todos', { ...q }), enabled, placeholderData: keepPreviousData });
}

/** The 工作台's counts: by severity, kind and direct child organization. */
export function useTodoSummary(enabled = true) {
  return useQuery({ queryKey: todoKeys.summary, queryFn: () => api.get<TodoSummary>('/api/todos/summary'), enabled });
}
