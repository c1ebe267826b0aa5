// Worker threads do not inherit the tsx loader of the main thread (Node 20), and this project runs its
// TypeScript sources directly: register the loader in the worker, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');
