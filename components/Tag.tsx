/** A small label; `variant` picks a colour class (e.g. the wording strength), the text always says what it is. */
export function Tag({ children, variant }: { children: React.ReactNode; variant?: string }) {
  return <span className={variant ? `tag tag--${variant}` : 'tag'}>{children}</span>;
}
