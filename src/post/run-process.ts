/** Spawning an external program with a time limit, keeping the tail of what it printed. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunResult {
  code: number | null;
  output: string;
  timedOut: boolean;
}

/**
 * Kills a program and everything it started. LibreOffice is a tree: `soffice` (a shell script on
 * Linux and macOS, a launcher `soffice.exe`/`soffice.com` on Windows) starts `soffice.bin`, which
 * does the work and holds the profile and the output folder; killing only the launcher leaves it
 * running. Elsewhere the child leads its own process group and the group is killed; Windows has
 * no groups, so `taskkill /T` walks the tree from the child's pid.
 */
function killTree(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform === 'win32') {
      spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on(
        'error',
        () => child.kill('SIGKILL'),
      );
    } else process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Spawns without a shell; on timeout kills the whole process tree (see `killTree`). */
export function runProcess(command: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const detached = process.platform !== 'win32';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached, windowsHide: true });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-8000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // 'close' waits until every process holding the output pipes (soffice.bin too) has ended.
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output, timedOut });
    });
  });
}
