import type { ReactNode } from 'react';
import { Panel } from '../../components/panel.js';

export interface SectionInfo {
  id: string;
  title: string;
  /** Where its fields live in the configuration, to count its problems. */
  paths: readonly (readonly (string | number)[])[];
}

/** One titled part of the settings page; the nav scrolls to it by `id`. */
export function SettingsSection({ id, title, intro, actions, children }: { id: string; title: string; intro?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <div id={id} className="settings-anchor">
      <Panel title={title} className="settings-section" actions={actions}>
        {intro ? <p className="settings-intro muted">{intro}</p> : null}
        {children}
      </Panel>
    </div>
  );
}

/** A removable item in a list (a service, a closure), named for screen readers by its legend. */
export function ItemCard({ legend, removeLabel, onRemove, children, className }: { legend: string; removeLabel: string; onRemove: () => void; children: ReactNode; className?: string }) {
  return (
    <fieldset className={['item-card', className].filter(Boolean).join(' ')}>
      <legend className="item-card-legend">{legend}</legend>
      <button type="button" className="button button-quiet button-small item-card-remove" onClick={onRemove}>
        {removeLabel}
      </button>
      {children}
    </fieldset>
  );
}
