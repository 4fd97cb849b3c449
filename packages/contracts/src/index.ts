export * from './common';
export * from './auth';
export * from './organizations';
export * from './users';
export * from './audit';
export * from './dictionaries';
