/**
 * `trappa preview --fast --watch`: the SVG/PNG slides drawn again on every save of data/,
 * templates/ or assets/, in milliseconds and without LibreOffice. Saves come in bursts
 * (editors write, rename, touch), so a change waits a moment for the rest.
 */
import { watch } from 'chokidar';
import { resolvePaths } from '../project-paths.js';
import { previewFast, type FastPreview, type FastPreviewOptions } from './preview-fast.js';

export interface WatchFastOptions extends FastPreviewOptions {
  onDrawn(previews: FastPreview[]): void;
  onError(error: unknown): void;
  /** @default 100 */
  debounceMs?: number;
}

/** Draws once, then on every change until SIGINT/SIGTERM; resolves when stopped. */
export async function watchPreviewFast(options: WatchFastOptions): Promise<void> {
  const { dataDir, templatesDir, assetsDir } = resolvePaths(options);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const draw = (): void => {
    running = running.then(() => previewFast(options).then(options.onDrawn, options.onError));
  };
  draw();
  const watcher = watch([dataDir, templatesDir, assetsDir], { ignoreInitial: true });
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(draw, options.debounceMs ?? 100);
  });
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      clearTimeout(timer);
      void watcher
        .close()
        .then(() => running)
        .then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
