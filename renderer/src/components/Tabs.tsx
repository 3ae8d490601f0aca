import type { ReactNode } from 'react';

export interface TabDef<K extends string> {
  key: K;
  label: string;
}

/** Screen sections as a nav of buttons (arrow keys are not needed: Tab reaches each, Enter opens it). */
export function Tabs<K extends string>({ tabs, current, onChange, label }: { tabs: TabDef<K>[]; current: K; onChange(k: K): void; label: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <button key={tab.key} type="button" aria-current={tab.key === current ? 'page' : undefined} onClick={() => onChange(tab.key)} data-testid={`tab-${tab.key}`}>
          {tab.label}
        </button>
      ))}
    </nav>
  );
}

export function Card({ title, children, id, className, testId }: { title: string; children: ReactNode; id: string; className?: string; testId?: string }) {
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
