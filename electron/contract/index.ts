export * from './channelNames';
export * from './schemas';
export * from './api';
export * from './passwordRules';
