import { describe, expect, it } from 'vitest';
import { currentNavItem, type NavItem } from '@/components/NavLinks';

/** Which navigation item a page marks with aria-current (components/NavLinks.tsx). */
const items: NavItem[] = [
  { href: '/en', label: 'Overview', exact: true },
  { href: '/en/documents', label: 'Statement' },
  { href: '/en/countries', label: 'Countries' },
  { href: '/en/evidence', label: 'Evidence' },
  { href: '/en/admin/users', label: 'Users' },
];
const current = (pathname: string) => currentNavItem(pathname, items)?.label;

describe('currentNavItem', () => {
  it('marks the overview only on the overview itself', () => {
    expect(current('/en')).toBe('Overview');
    expect(current('/en/account/password')).toBeUndefined();
    expect(current('/en/sign-in')).toBeUndefined();
    expect(current('/en/api-docs')).toBeUndefined();
  });

  it('marks the section of a sub-page', () => {
    expect(current('/en/countries')).toBe('Countries');
    expect(current('/en/countries/KEN')).toBe('Countries');
    expect(current('/en/documents/S-PRST-2012-17')).toBe('Statement');
    expect(current('/en/evidence/new')).toBe('Evidence');
    expect(current('/en/admin/users/12')).toBe('Users');
  });

  it('matches whole path segments only', () => {
    expect(current('/en/countriesX')).toBeUndefined();
    expect(current('/en/admin/audit')).toBeUndefined();
  });
});
