export * from './expert-recusal';
export * from './expert-draw';
export * from './review-scoring';
export * from './expert-draw-machine';
export * from './expert-assignment';
