import { useState } from 'react';
import { Tabs } from '../../components/Tabs';
import { lastHours, TimeRange, type Range } from '../../components/TimeRange';
import { useI18n } from '../../i18n';
import { DashboardView } from './DashboardView';
import { ExportView } from './ExportView';
import { SearchView } from './SearchView';
import { useSection } from '../../components/useSection';

type Section = 'dashboard' | 'search' | 'export';

/** Supervisor: the shift at a glance, the records behind it, the export and the chain check. */
export function SupervisorScreen() {
  const { t } = useI18n();
  const [section, setSection] = useSection<Section>('supervisor', 'dashboard');
  const [range, setRange] = useState<Range>(() => lastHours(12));
  return (
    <main id="main" className="supervisor" aria-labelledby="sup-title">
      <h1 id="sup-title" className="visually-hidden">
        {t('supervisor.title')}
      </h1>
      <Tabs<Section>
        label={t('supervisor.title')}
        current={section}
        onChange={setSection}
        tabs={[
          { key: 'dashboard', label: t('supervisor.dashboard') },
          { key: 'search', label: t('supervisor.search') },
          { key: 'export', label: t('supervisor.export') },
        ]}
      />
      <TimeRange range={range} onChange={setRange} />
      {section === 'dashboard' && <DashboardView range={range} />}
      {section === 'search' && <SearchView range={range} />}
      {section === 'export' && <ExportView range={range} />}
    </main>
  );
}
