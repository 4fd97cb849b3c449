export * from './reference';
export * from './identity';
export * from './audit';
export * from './filing';
export * from './review';
export * from './province';
export * from './notices';
export * from './credit';
