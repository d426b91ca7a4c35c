import type { Role } from '@/lib/vocabulary';

/** The signed-in user as server code sees it: never the password hash. */
export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
  /** ISO alpha-3 codes an editor is limited to; empty means no limit. */
  countryScope: string[];
  sessionId: string;
  /**
   * Set while the session may do nothing but finish the second factor: 'verify' (password given, TOTP or
   * recovery code not yet) or 'enrol' (the role requires a second factor and the user has none). Absent: done.
   */
  pendingSecondFactor?: 'verify' | 'enrol';
  /** Set when the request came with an API token instead of a session: a READ token may never write. */
  apiToken?: { id: number; scope: 'READ' | 'READ_WRITE' };
}
