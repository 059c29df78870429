/**
 * Lets code outside React (query and mutation caches) show a message through whatever the page
 * uses: antd's `App` message in the admin app, antd-mobile's Toast on the H5 page.
 */
export interface Notifier {
  error(text: string): void;
  success(text: string): void;
}

let notifier: Notifier | null = null;

export function registerNotifier(n: Notifier): void {
  notifier = n;
}

/** Shows a server (or network) error message as it is. */
export function showError(text: string): void {
  notifier?.error(text);
}

export function showSuccess(text: string): void {
  notifier?.success(text);
}
