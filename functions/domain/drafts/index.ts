export * from './assessment-draft';
export * from './draft-assessment';
export * from './draft-assessments';
export * from './draft-executive-summary';
export * from './draft-format';
