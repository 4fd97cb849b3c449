export * from './name-tokens';
export * from './sequence-code';
export * from './confirmation-r8';
export * from './registry-query';
export * from './supervising-unit';
