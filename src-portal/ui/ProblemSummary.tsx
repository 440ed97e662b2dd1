import type { Ref } from 'react';
import type { Problem } from '../domain/problems';
import { useI18n } from '../i18n/I18nProvider';
import { problemText } from './words';

interface SummaryProps<F extends string> {
  ref: Ref<HTMLDivElement>;
  problems: Partial<Record<F, Problem[]>>;
  order: readonly F[];
  ids: Record<F, string>;
  /** Each field's question or label, so a line says where the problem is. */
  labels: Record<F, string>;
}

/**
 * What stops a form from being sent, listed at its top (the focus goes there): each line leads to
 * its field.
 */
export function ProblemSummary<F extends string>({ ref, problems, order, ids, labels }: SummaryProps<F>) {
  const i18n = useI18n();
  const lines = order.flatMap((field) => (problems[field] ?? []).map((problem) => ({ field, problem })));
  const goTo = (field: F) => {
    const target = document.getElementById(ids[field]);
    const control = target?.matches('input, textarea, select')
      ? target
      : target?.querySelector<HTMLElement>('input, textarea, select');
    (control ?? target)?.focus();
  };
  return (
    <div className="note note--error problem-summary" role="alert" tabIndex={-1} ref={ref}>
      <p className="problem-summary__title">{i18n.t('problem.summary', { count: lines.length })}</p>
      <ul>
        {lines.map(({ field, problem }, i) => (
          <li key={i}>
            <a
              href={`#${ids[field]}`}
              onClick={(event) => {
                event.preventDefault();
                goTo(field);
              }}
            >
              {labels[field]} — {problemText(i18n, problem)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
