/**
 * This process's peak resident memory, MiB: VmHWM from /proc/self/status, the peak of this
 * program's own memory. Not resourceUsage().maxRSS: on Linux that survives exec, so a probe
 * spawned by the bench (a big Node process) would report the bench's size at the fork. Other
 * systems have no /proc and keep maxRSS, which is right there.
 */
import { readFileSync } from 'node:fs';

export function peakRssMB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // no /proc: below
  }
  return process.resourceUsage().maxRSS / 1024;
}
