import 'server-only';

/** Thrown when a server action is called with arguments no form of this app sends. */
export class MalformedActionRequest extends Error {
  constructor() {
    super('The server action was called with arguments of the wrong shape (a FormData was expected).');
    this.name = 'MalformedActionRequest';
  }
}

const ACCEPTED = Symbol.for('commitment-tracker.actionArgumentsAccepted');

/**
 * The first step of every form action: checks that its argument is a FormData (Next.js hands an action whatever
 * the posted body decodes to) and tells the server's request guard (scripts/lib/response-baseline.mjs) that the
 * request is well formed, so a failure from here on is reported as the server's (500) and one before as the
 * request's (400). Throws MalformedActionRequest for any other argument. Returns the FormData.
 */
export function acceptFormData(formData: unknown): FormData {
  if (!(formData instanceof FormData)) throw new MalformedActionRequest();
  const accepted = (globalThis as Record<symbol, unknown>)[ACCEPTED];
  if (typeof accepted === 'function') accepted();
  return formData;
}
