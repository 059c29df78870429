import type { MeetingSigninAnswer, MyMeeting } from '@jiceng/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

/** The H5 hash route of a signed QR link: `#/signin?t=<token>` (platform/signin `SIGNIN_H5_PATH`). */
export const SIGNIN_HASH = '#/signin';
/** Where a meeting notice links: 我的会议. */
export const MEETINGS_HASH = '#/meetings';

/** The token of a QR link in the page's hash, if any. */
export function signinTokenOf(hash: string): string | null {
  if (!hash.startsWith(`${SIGNIN_HASH}?`)) return null;
  return new URLSearchParams(hash.slice(SIGNIN_HASH.length + 1)).get('t') || null;
}

/** The member's meetings once noticed (empty without a member record); under ['my'], cleared at logout. */
export const useMyMeetings = () => useQuery({ queryKey: ['my', 'meetings'], queryFn: () => api.get<MyMeeting[]>('/api/me/meetings') });

/** 签到 by code or QR token; the screen shows the server's answer or refusal itself. */
export function useMeetingSignin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string } | { token: string }) => api.post<MeetingSigninAnswer>('/api/me/meetings/signin', input),
    meta: { silent: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['my', 'meetings'] }),
  });
}

/** 已通知/已召开 meetings take sign-ins (inside their window, which the server checks). */
export const signinOpen = (m: Pick<MyMeeting, 'state'>) => m.state === 'notice' || m.state === 'held';

/** Upcoming: not yet held or being held, today or later; the rest is 往期. */
export const isUpcoming = (m: Pick<MyMeeting, 'state' | 'date'>, today: string) => (m.state === 'notice' || m.state === 'held') && m.date >= today;
