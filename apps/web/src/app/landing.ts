import type { Me } from '@jiceng/contracts';

/** The phone pages (H5 entry): 党员 and residents use the platform there. */
export const H5_ENTRY = '/h5.html';

/**
 * Accounts whose only role is 党员 have nothing on the desktop site (its 工作台 would be empty):
 * after login, and whenever they open it, they are sent to the phone pages, which also hold the
 * forced password change.
 */
export const belongsOnPhone = (me: Pick<Me, 'role'>): boolean => me.role === 'member';

/** Leaves the admin app for the phone pages (a full page load: another entry). */
export function goToPhonePages(): void {
  window.location.replace(H5_ENTRY);
}
