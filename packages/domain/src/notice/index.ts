export * from './notice-window';
export * from './objection-rules';
export * from './human-check';
export * from './notice-window-revision';
export * from './notice-machine';
export * from './objection-machine';
