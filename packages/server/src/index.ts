export { createServer } from './server.js';
export type { GongwenServer, ServerOptions } from './server.js';
export { interruptedMessage, RenderQueue, startQueueWorker } from './queue.js';
export type { JobOutput, JobRequest, JobStatus, QueueConnectionOptions, QueueWorker, QueueWorkerOptions, RetryOptions } from './queue.js';
export { openApiDocument } from './openapi.js';
