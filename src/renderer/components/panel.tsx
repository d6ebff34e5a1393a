import { useId, type ReactNode } from 'react';

/** A titled region of a screen: a landmark with its own heading. */
export function Panel({
  title,
  actions,
  className,
  children,
}: {
  title: string;
  /** Shown beside the heading: a count, a status pill, a button. */
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className={['panel', className].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 id={headingId} className="panel-title">
          {title}
        </h2>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </div>
      <div className="panel-body">{children}</div>
    </section>
  );
}
