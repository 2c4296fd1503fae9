/** The shared contract: data model, DTOs, API schemas, route map, errors and the time rule. */
export * from './api.js';
export * from './auth.js';
export * from './briefings.js';
export * from './errors.js';
export * from './export.js';
export * from './graph.js';
export * from './imports.js';
export * from './library.js';
export * from './limits.js';
export * from './model.js';
export * from './primitives.js';
export * from './query.js';
export * from './routes.js';
export * from './time.js';
