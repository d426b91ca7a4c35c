import { HtmlValidate } from 'html-validate';

/**
 * The check of the HTML the server sends (the response body of every page a browser test loads, before the
 * browser repairs it): the rules of the HTML standard itself (`html-validate:standard`: content models, nesting,
 * required and duplicate attributes and ids, …), none of style. Invalid nesting, such as a <div> or a <form>
 * inside a <p>, is what breaks React's hydration: the browser's parser moves the elements, and the tree React
 * hydrates no longer matches the one it rendered.
 *
 * Rules turned off, because they judge what Next.js and React write rather than what this app writes:
 * - (none so far)
 */
const validator = new HtmlValidate({
  extends: ['html-validate:standard'],
  rules: {},
});

/**
 * The problems html-validate finds in `html` (a whole document as served), each as one line
 * `<url> <line>:<column> <rule>: <message> (<selector>)`; an empty list when it is valid.
 */
export async function validateServerHtml(html: string, url: string): Promise<string[]> {
  const report = await validator.validateString(html, url);
  return report.results.flatMap((result) =>
    result.messages.map(
      (message) =>
        `${url} ${message.line}:${message.column} ${message.ruleId}: ${message.message}` +
        (message.selector ? ` (${message.selector})` : ''),
    ),
  );
}
