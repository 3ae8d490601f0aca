import { Tabs } from '../../components/Tabs';
import { useI18n } from '../../i18n';
import { DoctorView } from './DoctorView';
import { ReaderSetup } from './ReaderSetup';
import { SyncView } from './SyncView';
import { useSection } from '../../components/useSection';

type Section = 'reader' | 'sync' | 'doctor';

/** Technician: readers, list sync, health checks. No traveller data is reachable from here. */
export function TechnicianScreen() {
  const { t } = useI18n();
  const [section, setSection] = useSection<Section>('technician', 'reader');
  return (
    <main id="main" className="technician" aria-labelledby="tech-title">
      <h1 id="tech-title" className="visually-hidden">
        {t('technician.title')}
      </h1>
      <Tabs<Section>
        label={t('technician.title')}
        current={section}
        onChange={setSection}
        tabs={[
          { key: 'reader', label: t('technician.reader') },
          { key: 'sync', label: t('technician.sync') },
          { key: 'doctor', label: t('technician.doctor') },
        ]}
      />
      {section === 'reader' && <ReaderSetup />}
      {section === 'sync' && <SyncView />}
      {section === 'doctor' && <DoctorView />}
    </main>
  );
}
