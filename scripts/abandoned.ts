/**
 * Folders a killed build left behind (named with its process id: dist.next-123, generated.tmp-123):
 * removed when that process is gone, never while it runs.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** `pattern` captures the process id in a folder's name. */
export function removeAbandoned(dir: string, pattern: RegExp): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const pid = pattern.exec(name)?.[1];
    if (pid === undefined) continue;
    try {
      process.kill(Number(pid), 0);
    } catch (err) {
      // ESRCH: no such process. (EPERM means it runs, as another user.)
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
}
