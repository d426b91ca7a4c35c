'use client';

import { Link, usePathname } from '@/lib/i18n/navigation';

export interface NavItem {
  /** The section's path without the locale ("/countries"). */
  href: string;
  label: string;
  /** Current only on exactly this path (the overview, whose path is every other page's prefix). */
  exact?: boolean;
}

/**
 * The item of `items` the page at `pathname` (without the locale) belongs to: the one whose href is the path or,
 * unless `exact`, its longest prefix ending at a segment boundary (/countries/KEN → /countries). Undefined when none fits
 * (the account pages, sign-in), so no section is marked for a page outside the navigation.
 */
export function currentNavItem<T extends NavItem>(pathname: string, items: readonly T[]): T | undefined {
  return items
    .filter((item) => pathname === item.href || (!item.exact && pathname.startsWith(`${item.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
}

/** The main navigation; marks the section the reader is in with aria-current. */
export function NavLinks({ items, label }: { items: NavItem[]; label: string }) {
  const current = currentNavItem(usePathname(), items);
  return (
    <nav className="site-nav" aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={item === current ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The header's link to the account pages, marked current on any of them (/account/…). */
export function AccountLink({ href, label, detail }: { href: string; label: string; detail: string }) {
  const pathname = usePathname();
  const section = href.replace(/\/[^/]*$/, '');
  const current = pathname === href || pathname.startsWith(`${section}/`);
  return (
    <Link href={href} className="site-header__user" aria-current={current ? 'page' : undefined} title={detail}>
      {label}
    </Link>
  );
}
