import type { Me } from '@jiceng/contracts';

/** The phone pages (H5 entry): 党员 and residents use the platform there. */
export const H5_ENTRY = '/h5.html';

/**
 * Accounts whose only role is 党员 have nothing on the desktop site (its 工作台 would be empty):
 * after login, and whenever they open it, they are sent to the phone pages, which also hold the
 * forced password change.
 */
export const belongsOnPhone = (me: Pick<Me, 'role'>): boolean => me.role === 'member';

/**
 * Where an account goes right after logging in on the desktop site, when not its 工作台: a 党员 to
 * the phone pages; a 网格员 (grid worker) to 我的工单 there, the work they do on the street (they
 * may still open the desktop site afterwards).
 */
export function phoneLandingOf(me: Pick<Me, 'role'>): string | null {
  if (belongsOnPhone(me)) return H5_ENTRY;
  if (me.role === 'grid_worker') return `${H5_ENTRY}#/orders`;
  return null;
}

/** Leaves the admin app for the phone pages (a full page load: another entry). */
export function goToPhonePages(to: string = H5_ENTRY): void {
  window.location.replace(to);
}

/**
 * `/h5/resident/login` and the like (links written as paths) are the phone page's hash routes:
 * the server answers them with the desktop app, which hands them over to h5.html.
 */
export function phonePathRedirect(pathname: string, search: string): string | null {
  if (!pathname.startsWith('/h5/')) return null;
  return `${H5_ENTRY}${search}#/${pathname.slice('/h5/'.length).replace(/\/+$/, '')}`;
}
