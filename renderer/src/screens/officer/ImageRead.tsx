import { useRef, useState, type DragEvent } from 'react';
import type { TravellerRead } from '../../../../electron/contract';
import { call } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { useI18n } from '../../i18n';

const MAX_BYTES = 11 * 1024 * 1024;

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** A page photo (drop or file picker) read by OCR in the core; the crops come back with the read. */
export function ImageRead({ onRead, openRef }: { onRead(r: TravellerRead): void; openRef?: React.RefObject<(() => void) | null> }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (openRef) openRef.current = () => input.current?.click();

  async function read(file: File | undefined) {
    if (!file) return;
    setError(null);
    if (!file.type.startsWith('image/')) return setError({ code: 'not_an_image', message: '' });
    if (file.size > MAX_BYTES) return setError({ code: 'image_too_large', message: '' });
    setBusy(true);
    try {
      onRead(await call('traveller.readImage', { name: file.name.slice(0, 255), dataBase64: await toBase64(file) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void read(e.dataTransfer.files[0]);
  };

  return (
    <div
      className={`drop-zone ${over ? 'drop-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="image-drop"
    >
      <p>{busy ? t('image.reading') : t('image.drop')}</p>
      <label className="button-like">
        {t('image.choose')} <kbd>Alt+O</kbd>
        <input ref={input} type="file" accept="image/*" className="visually-hidden" onChange={(e) => void read(e.target.files?.[0])} disabled={busy} data-testid="image-file" />
      </label>
      {busy && <progress aria-label={t('image.reading')} />}
      <ErrorNote error={error} testId="image-error" />
    </div>
  );
}
