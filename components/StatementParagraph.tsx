import type { ParagraphCommitment } from '@/lib/data/documents';
import { Link } from '@/lib/i18n/navigation';
import { segmentParagraph } from '@/lib/statement/highlight';

interface Props {
  number: number;
  text: string;
  language: string;
  commitments: ParagraphCommitment[];
  labels: {
    paragraph: string;
    commitmentsInParagraph: string;
    commitmentLink: (code: string, title: string) => string;
  };
}

/** One numbered paragraph, with every commitment's quote highlighted and linked by its number in the paragraph. */
export function StatementParagraph({ number, text, language, commitments, labels }: Props) {
  const runs = segmentParagraph(text, commitments);
  const indexOf = new Map(commitments.map((commitment, index) => [commitment.code, index + 1]));
  const byCode = new Map(commitments.map((commitment) => [commitment.code, commitment]));
  const href = (code: string) => `/commitments/${code}`;
  return (
    <li className="paragraph" id={`p${number}`} aria-label={labels.paragraph}>
      <span className="paragraph__number" aria-hidden="true">
        <a href={`#p${number}`}>{number}</a>
      </span>
      <div>
        <p className="paragraph__text" lang={language}>
          {runs.map((run, index) =>
            run.codes.length === 0 ? (
              <span key={index}>{run.text}</span>
            ) : (
              <span key={index}>
                <mark>{run.text}</mark>
                <sup className="quote-ref">
                  {run.codes.map((code) => (
                    <Link
                      key={code}
                      href={href(code)}
                      aria-label={labels.commitmentLink(code, byCode.get(code)?.title ?? code)}
                    >
                      [{indexOf.get(code)}]
                    </Link>
                  ))}
                </sup>
              </span>
            ),
          )}
        </p>
        {commitments.length > 0 && (
          <ol className="paragraph__commitments" aria-label={labels.commitmentsInParagraph}>
            {commitments.map((commitment) => (
              <li key={commitment.code}>
                <Link href={href(commitment.code)}>{commitment.title}</Link>{' '}
                <span className="muted">({commitment.code})</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </li>
  );
}
