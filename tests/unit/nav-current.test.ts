import { describe, expect, it } from 'vitest';
import { currentNavItem, type NavItem } from '@/components/NavLinks';

/** Which navigation item a page marks with aria-current (components/NavLinks.tsx); paths without the locale. */
const items: NavItem[] = [
  { href: '/', label: 'Overview', exact: true },
  { href: '/documents', label: 'Statement' },
  { href: '/countries', label: 'Countries' },
  { href: '/evidence', label: 'Evidence' },
  { href: '/admin/users', label: 'Users' },
];
const current = (pathname: string) => currentNavItem(pathname, items)?.label;

describe('currentNavItem', () => {
  it('marks the overview only on the overview itself', () => {
    expect(current('/')).toBe('Overview');
    expect(current('/account/password')).toBeUndefined();
    expect(current('/sign-in')).toBeUndefined();
    expect(current('/api-docs')).toBeUndefined();
  });

  it('marks the section of a sub-page', () => {
    expect(current('/countries')).toBe('Countries');
    expect(current('/countries/KEN')).toBe('Countries');
    expect(current('/documents/S-PRST-2012-17')).toBe('Statement');
    expect(current('/evidence/new')).toBe('Evidence');
    expect(current('/admin/users/12')).toBe('Users');
  });

  it('matches whole path segments only', () => {
    expect(current('/countriesX')).toBeUndefined();
    expect(current('/admin/audit')).toBeUndefined();
  });
});
