import { ErrorCode } from '@jiceng/contracts';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, setUnauthenticatedHandler } from '../api/client.ts';
import { meKey } from '../api/auth.ts';
import { messageOf } from '../api/errors.ts';
import { showError } from '../shared/feedback.ts';

declare module '@tanstack/react-query' {
  interface Register {
    /** `silent`: the component shows the error itself (e.g. inside the login card). */
    mutationMeta: { silent?: boolean };
  }
}

function report(err: unknown): void {
  if (err instanceof ApiError && err.code === ErrorCode.UNAUTHENTICATED) return;
  showError(messageOf(err));
}

/**
 * One client for the app. Every failed query or mutation shows the server's message once; forms
 * additionally put field messages under their fields. An expired session sends the user to login.
 */
export function createQueryClient(): QueryClient {
  const qc: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: report }),
    mutationCache: new MutationCache({ onError: (err, _v, _c, mutation) => mutation.meta?.silent || report(err) }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  setUnauthenticatedHandler(() => qc.setQueryData(meKey, null));
  return qc;
}
