import { getTranslations } from 'next-intl/server';

/**
 * The confirmation of an action that redraws the page without the form that ran it (a submitted record loses its
 * submit button, a revoked session its row): the action redirects with `?done=<key>` (lib/actions/done.ts) and the
 * page shows it here, where it survives the redraw. `done` is the search parameter's value; only keys in `allowed`
 * (keys of the "outcomes" messages) are shown, so a crafted link cannot make the page claim anything else.
 */
export async function DoneMessage({
  done,
  allowed,
}: {
  done: string | string[] | undefined;
  allowed: readonly string[];
}) {
  if (typeof done !== 'string' || !allowed.includes(done)) return null;
  const t = await getTranslations('outcomes');
  return (
    <p className="form-message form-message--ok done-message" role="status">
      {t(done as 'saved')}
    </p>
  );
}
