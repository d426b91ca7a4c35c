/**
 * The one wrapper of a data table: when the table is wider than the screen (a phone, 390 px) it scrolls sideways
 * inside this box rather than widening the page. The box is a named region that takes keyboard focus, so that
 * it can be scrolled without a mouse (WCAG 2.1.1; axe's scrollable-region-focusable). Name it with `label` (the
 * table's caption or heading as text) or `labelledBy` (the id of that caption or heading).
 */
export function TableScroll({
  label,
  labelledBy,
  className,
  children,
}: {
  label?: string;
  labelledBy?: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div
      className={className ? `table-scroll ${className}` : 'table-scroll'}
      role="region"
      aria-label={labelledBy ? undefined : label}
      aria-labelledby={labelledBy}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
