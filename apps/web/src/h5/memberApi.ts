import { ErrorCode, type Member, type MyAppraisal, type Transfer } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../api/client.ts';

/**
 * A 党员 account's own data; null when the account is not linked to a member record yet (the
 * server answers NOT_FOUND), so the page can say what to do instead of showing an error.
 */
async function ownOrNull<T>(path: string): Promise<T | null> {
  try {
    return await api.get<T>(path);
  } catch (e) {
    if (e instanceof ApiError && e.code === ErrorCode.NOT_FOUND) return null;
    throw e;
  }
}

/** Keys under ['my'], which logging out clears with everything else but the account. */
export const useMyMember = () => useQuery({ queryKey: ['my', 'member'], queryFn: () => ownOrNull<Member>('/api/me/member') });
export const useMyTransfers = () => useQuery({ queryKey: ['my', 'transfers'], queryFn: () => ownOrNull<Transfer[]>('/api/me/transfers') });
export const useMyAppraisals = () => useQuery({ queryKey: ['my', 'appraisals'], queryFn: () => ownOrNull<MyAppraisal[]>('/api/me/appraisals') });

/** Shown by every 我的… tab when the account has no member record. */
export const NOT_LINKED = { title: '尚未关联党员档案', description: '您的账号还没有关联党员档案，请联系所在党支部办理' } as const;
