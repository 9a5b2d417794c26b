// Moved to domain/tandem-error.ts (every layer raises it). Kept only until every import is moved.
export * from '../domain/tandem-error.ts';
