/** English is the source language: every key the screens use is defined here first. */
export const en = {
  'app.title': 'Checkpoint',
  'app.skipToMain': 'Skip to main content',
  'lang.label': 'Language',
  'reader.status': 'Reader',
  'reader.connected': 'Connected',
  'reader.connecting': 'Connecting',
  'reader.disconnected': 'Disconnected',
  'reader.error': 'Error',
  'reader.none': 'No reader configured',
  'officer.waiting': 'Waiting for a document. Place the passport on the reader.',
  'officer.traveller': 'Traveller',
  'field.surname': 'Surname',
  'field.givenNames': 'Given names',
  'field.documentNumber': 'Document number',
  'field.documentType': 'Document type',
  'field.nationality': 'Nationality',
  'field.issuingState': 'Issuing state',
  'field.birthDate': 'Date of birth',
  'field.sex': 'Sex',
  'field.expiryDate': 'Date of expiry',
  'checks.title': 'Checks',
  'checks.zoneValid': 'Zone valid: all check digits correct',
  'checks.zoneInvalid': 'Zone invalid: the reader gave a bad read. Rescan or enter manually.',
  'error.generic': 'Something went wrong: {message}',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
