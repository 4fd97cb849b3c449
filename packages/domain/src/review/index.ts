export * from './expert-recusal';
export * from './expert-draw';
export * from './review-scoring';
export * from './expert-assignment';
