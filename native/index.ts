export * from './serial';
export * from './hid';
