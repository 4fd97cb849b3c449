export * from './spot-check-recusal';
export * from './spot-check-draw';
export * from './item-verdicts';
export * from './province-review';
export * from './spot-check-result';
export * from './joint-spot-check-result';
export * from './spot-check-hash-inputs';
