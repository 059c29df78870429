/**
 * A phone screen's title bar with an optional 返回 button. Instead of antd-mobile's NavBar, whose
 * left area is a role="button" even when empty and whose 返回 text is hidden from screen readers
 * (axe: aria-command-name); here 返回 is a real, focusable button with its name.
 */
export function BackBar({ title, onBack }: { title: string; onBack?: () => void }) {
  return (
    <div className="h5-backbar">
      {onBack && (
        <button type="button" className="h5-backbar-back" onClick={onBack}>
          <span aria-hidden="true">‹ </span>返回
        </button>
      )}
      <h1 className="h5-backbar-title">{title}</h1>
    </div>
  );
}
