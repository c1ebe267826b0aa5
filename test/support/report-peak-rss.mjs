// Preloaded into a child process (`node --import …`): writes its peak resident set size, in kilobytes, to the
// file named by PEAK_RSS_FILE when it exits, so that a test can hold a whole command to a memory bound.
import { writeFileSync } from 'node:fs';

const target = process.env.PEAK_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
