import type { RequestStatus } from './model.js';

export const idle: RequestStatus = { type: 'idle' };
export const loading = (what: string): RequestStatus => ({ type: 'loading', what });
export const failed = (message: string): RequestStatus => ({ type: 'error', message });
