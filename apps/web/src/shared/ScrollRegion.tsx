import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Around a table wider than the page: its scrolling area takes keyboard focus (Tab, then the arrow
 * keys scroll it) and carries a name, so the columns beyond the edge are reachable without a mouse
 * (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const el of ref.current?.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body') ?? []) {
      if (el.tabIndex < 0) el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', label);
    }
  });
  return <div ref={ref}>{children}</div>;
}
