export * from './channelNames';
export * from './schemas';
export * from './api';
