// Worker threads do not inherit the tsx loader of the main thread (Node 20), and this project runs its
// TypeScript sources directly: register the loader in the worker, then load the TypeScript worker.
// The parsers' packages are plain JavaScript of some hundred modules each: loaded before the loader is
// registered, they skip its hooks, which cuts the worker's startup (charged to a crawl's first pages) by a third.
// Only a speed-up: a package missing from this list is loaded through the hooks all the same.
await Promise.all([import('linkedom'), import('@mozilla/readability'), import('cheerio')]);
const { register } = await import('tsx/esm/api');

register();
await import('./extract-worker.ts');
