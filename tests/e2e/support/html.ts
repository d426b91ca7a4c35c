import { HtmlValidate, type Message } from 'html-validate';

/**
 * The check of the HTML the server sends (the response body of every page a browser test loads, before the
 * browser repairs it): the rules of the HTML standard itself (`html-validate:standard`: content models, nesting,
 * required and duplicate attributes and ids, …), none of style. Invalid nesting, such as a <div> or a <form>
 * inside a <p>, is what breaks React's hydration: the browser's parser moves the elements, and the tree React
 * hydrates no longer matches the one it rendered.
 *
 * No rule is turned off. One element rule is relaxed, for what React writes rather than this app:
 * - `<form action="">`: React renders a form whose action is a server action (useActionState) with an empty
 *   `action` (the page's own URL, where the action is posted without JavaScript). The standard asks for a non-empty
 *   URL when the attribute is present; every other attribute value is still checked (attribute-allowed-values).
 * One finding is left out, for what Next.js writes and no app code can change:
 * - `<html id="__next_error__">` without `lang`: a page that calls `notFound()` (or fails) at request time is served
 *   as Next.js's error shell, whose <html> carries no attributes; the browser then renders the not-found page into
 *   it with its `lang` (vercel/next.js#62228, #97514). Only that one message, on that element, is dropped.
 * The style rules of `html-validate:recommended` (quotes, self-closing void elements, inline styles, …) are not
 * used: React and Next.js decide those, and they do not change the tree the browser builds.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:standard'],
  elements: ['html5', { form: { attributes: { action: { enum: ['/.*/'] } } } }],
});

/**
 * The problems html-validate finds in `html` (a whole document as served), each as one line
 * `<url> <line>:<column> <rule>: <message> (<selector>)`; an empty list when it is valid.
 */
export async function validateServerHtml(html: string, url: string): Promise<string[]> {
  const report = await validator.validateString(html, url);
  return report.results.flatMap((result) =>
    result.messages
      .filter((message) => !isNextErrorShellLang(message))
      .map(
        (message) =>
          `${url} ${message.line}:${message.column} ${message.ruleId}: ${message.message}` +
          (message.selector ? ` (${message.selector})` : ''),
      ),
  );
}

/** Next.js's error shell `<html id="__next_error__">` lacks `lang` (see above). */
function isNextErrorShellLang(message: Message): boolean {
  return (
    message.ruleId === 'element-required-attributes' &&
    message.selector === '#__next_error__' &&
    message.message.includes('"lang"')
  );
}
