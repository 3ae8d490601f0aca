import { useI18n } from '../i18n';

/** A failure the person can act on, announced to screen readers; never a stack trace. */
export function ErrorNote({ error, testId }: { error: unknown; testId?: string }) {
  const { errorText } = useI18n();
  if (!error) return null;
  return (
    <p role="alert" className="error" data-testid={testId ?? 'error'}>
      <span aria-hidden="true">⚠ </span>
      {errorText(error)}
    </p>
  );
}
