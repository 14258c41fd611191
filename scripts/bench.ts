/**
 * `npm run bench`: how fast Trappa builds, how it scales and how big its files are, against
 * pandoc on the same content. Prints tables and writes output/bench/results.{json,md}
 * and CPU profiles in output/bench/profiles/. A script, not a test: figures depend on the machine.
 *
 *   npm run bench                       # everything (about two minutes on 2 cores)
 *   npm run bench -- --quick            # fewer runs, sizes 10 and 100
 *   npm run bench -- --runs 20 --sizes 10,100,1000,3000 --no-pandoc
 *   npm run bench -- --pdf-only         # only the PDF conversion timings, before and after (LibreOffice)
 *   npm run bench -- --no-pdf           # everything but those (--pdf-runs N: how many runs)
 *   npm run bench -- --node24 <node>    # the cold builds on Node 24 too, side by side (the node .ci/run installs in $TMPDIR/trappa-ci-node-24)
 *   npm run bench -- --sizes 10,100,1000,5000   # issue #27's sizes: 1,000 and 5,000 rows against pandoc
 *   npm run bench -- --template-only    # only build --all on templates against the built-in design (issue #20)
 *   npm run bench -- --template-only --templates Candy,Progress   # only those templates (by file name)
 *   npm run bench -- --edit-loop        # only the edit loop: studio edit → slide (CPU, and in chromium), watch rebuild; the CPU loop on each supported Node (22+: the bench's own, --node24, else $TMPDIR/trappa-ci-node-22 and -24)
 *
 * Every command runs without NODE_EXTRA_CA_CERTS (run.ts benchEnv), pandoc's too.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import {
  buildBundle,
  bundledAtStart,
  importCosts,
  measureCommands,
  packagesLoaded,
  probeCold,
  profileRun,
  type Paths,
} from './bench/cold.js';
import { EDIT_ONE_SENTENCE } from './bench/edit-sentence.js';
import { strategyToMarkdown } from './bench/markdown.js';
import { renderTable, type Table } from './bench/report.js';
import { hasGnuTime, type Command } from './bench/run.js';
import { measureScale } from './bench/scale.js';
import type { StrategyDoc } from './bench/synthetic.js';
import { evaluateTargets, resultTables } from './bench/tables.js';
import { summaryTable } from './bench/summary.js';
import { measureWarm, profileWarm } from './bench/warm.js';
import { measureStudio, studioTable } from './bench/studio.js';
import { measureStudioOffice, studioOfficeTable } from './bench/studio-office.js';
import { measurePdf, pdfTable, type PdfBenchResult } from './bench/pdf.js';
import { measureTemplates, templateTable } from './bench/template.js';
import { editLoopTable, type EditLoopResult } from './bench/edit-loop.js';
import { measureStudioHttpLarge, studioHttpTable } from './bench/studio-http.js';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    warm: { type: 'string', default: '20' },
    sizes: { type: 'string' },
    'scale-runs': { type: 'string', default: '3' },
    'no-pandoc': { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    'pdf-runs': { type: 'string' },
    'no-pdf': { type: 'boolean', default: false },
    'pdf-only': { type: 'boolean', default: false },
    node24: { type: 'string' },
    'template-only': { type: 'boolean', default: false },
    templates: { type: 'string' },
    'edit-loop': { type: 'boolean', default: false },
  },
});
const quick = flags.quick;
const runs = Math.max(5, Number(quick ? 5 : flags.runs));
const warmRuns = Math.max(20, Number(flags.warm));
const sizes = (flags.sizes ?? (quick ? '10,100' : '10,100,1000')).split(',').map(Number);
const scaleRuns = Math.max(1, Number(flags['scale-runs']));
const onlyTemplates = flags.templates?.split(',').filter(Boolean);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'output', 'bench');
const paths: Paths = { root, benchDir };
const outDir = path.join(benchDir, 'out');
const pandoc = !flags['no-pandoc'] && existsSync('/usr/bin/pandoc') ? '/usr/bin/pandoc' : undefined;
const node = process.execPath;
const node24 = flags.node24 ?? process.env.TRAPPA_BENCH_NODE24;
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

function environment() {
  const version = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).split('\n')[0]!.trim();
    } catch {
      return undefined;
    }
  };
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: os.loadavg().map((v) => Number(v.toFixed(2))),
    pandoc: pandoc ? version(pandoc, ['--version']) : undefined,
    commit: version('git', ['-C', root, 'rev-parse', '--short', 'HEAD']),
    gnuTime: hasGnuTime,
  };
}

/** The bundled strategi deck's slide kinds, for pandoc's copy of it. */
function deckSlides(deckFile: string): string[] {
  const deck = parse(readFileSync(deckFile, 'utf8')) as { slides: (string | { slide?: string })[] };
  return deck.slides.flatMap((s) => (typeof s === 'string' ? [s] : s.slide ? [s.slide] : []));
}

// The replayed 'before' is slow (a rasterising LibreOffice per deck, ~40–90 s for all four): few runs.
const pdfRuns = Math.max(1, Number(flags['pdf-runs'] ?? (quick ? 1 : flags['pdf-only'] ? 3 : 2)));
const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** PDF timings need LibreOffice; without it they are left out with a note. */
function pdfSection(cli: string): PdfBenchResult | undefined {
  if (flags['no-pdf'] || !hasSoffice) return undefined;
  log(`pdf: before/after × ${pdfRuns} runs, interleaved (LibreOffice)`);
  return measurePdf({ root, benchDir, cli, runs: pdfRuns });
}

async function pdfOnly(): Promise<void> {
  mkdirSync(benchDir, { recursive: true });
  buildBundle(paths, 'bundled');
  const pdf = pdfSection(path.join(root, 'dist', 'cli.js'));
  if (!pdf) throw new Error('bench --pdf-only needs LibreOffice (soffice)');
  const markdown = renderTable(pdfTable(pdf, pdfRuns));
  process.stdout.write(`\n${markdown}`);
  writeFileSync(
    path.join(benchDir, 'pdf-results.md'),
    `# Trappa PDF benchmark, ${new Date().toISOString()}\n\n${markdown}`,
  );
}

/** Only the template builds against the built-in one (issue #20). */
async function templateOnly(): Promise<void> {
  mkdirSync(benchDir, { recursive: true });
  buildBundle(paths, 'bundled');
  // Each run builds every template (28 with TRAPPA_BENCH_ALL_TEMPLATES=1): 3 runs give a median.
  const templateRuns = Math.max(3, Number(flags.runs));
  log(`template: build --all on templates and built-in × ${templateRuns} runs, interleaved`);
  const markdown = renderTable(
    templateTable(await measureTemplates(root, path.join(root, 'dist', 'cli.js'), templateRuns, onlyTemplates)),
  );
  process.stdout.write(`\n${markdown}`);
  writeFileSync(
    path.join(benchDir, 'template-results.md'),
    `# Trappa template benchmark, ${new Date().toISOString()}\n\n${markdown}`,
  );
}

/** The oldest Node line Trappa supports (package.json engines). */
const OLDEST_SUPPORTED_NODE = 22;
const isSupported = (binary: string): boolean =>
  Number(execFileSync(binary, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).trim()) >=
  OLDEST_SUPPORTED_NODE;

/**
 * The Nodes the edit loop runs on, like the cold builds: the bench's own Node and --node24. A Node
 * Trappa does not support is left out (the default `node` here is v20, which ran the loop 35–40 %
 * slower than 22); with none left, the Nodes .ci/run installs in $TMPDIR (trappa-ci-node-22, -24).
 */
function editLoopNodes(): string[] {
  const given = [node, ...(node24 ? [node24] : [])].filter(isSupported);
  if (given.length > 0) return given;
  const installed = [22, 24]
    .map((major) => path.join(os.tmpdir(), `trappa-ci-node-${major}`, 'node_modules', '.bin', 'node'))
    .filter(existsSync);
  if (installed.length > 0) return installed;
  log(`edit loop: no supported Node (${OLDEST_SUPPORTED_NODE}+) found; measured on ${process.version}`);
  return [node];
}

/** The edit loop in CPU time, in a child process of its own (its peak RSS is the loop's) on each Node: edit-loop.ts. */
function measureEditLoopApart(edits: number): EditLoopResult[] {
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return editLoopNodes().map((binary) => {
    const out = execFileSync(binary, [tsx, 'scripts/bench/edit-loop.ts', '--json', '--edits', String(edits)], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(out) as EditLoopResult;
  });
}

/** `--edit-loop`: the edit loop's tables only (in-process CPU, then chromium), to output/bench/edit-loop.md. */
async function editLoopOnly(): Promise<void> {
  mkdirSync(benchDir, { recursive: true });
  log('edit loop: in-process CPU per edit (studio worker, watch rebuild) on each supported Node');
  const tables: Table[] = measureEditLoopApart(quick ? 8 : 20).map(editLoopTable);
  if (existsSync('/usr/bin/chromium')) {
    buildBundle(paths, 'bundled');
    log('edit loop: studio over HTTP, 2 MB strategy (load, edits, check, save, memory)');
    tables.push(studioHttpTable(await measureStudioHttpLarge(root, path.join(root, 'dist', 'cli.js'), quick ? 6 : 20)));
    log('edit loop: studio in chromium, bundled and 2 MB strategy');
    tables.push(studioOfficeTable(await measureStudioOffice(root, path.join(root, 'dist', 'cli.js'), quick ? 8 : 21)));
  }
  const markdown = tables.map(renderTable).join('\n');
  process.stdout.write(`\n${markdown}`);
  writeFileSync(path.join(benchDir, 'edit-loop.md'), `# Trappa edit loop, ${new Date().toISOString()}\n\n${markdown}`);
}

/**
 * Copies of the bundled project for the cold build's variants, each with the shell line run
 * before every build: one sentence edited (alternately with and without a word), or .cache removed.
 */
function variantProjects(node: string, node24: string | undefined) {
  const nodes: [string, string][] = [
    [node, process.version],
    ...(node24 ? [[node24, execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim()] as [string, string]] : []),
  ];
  const variants = [
    { how: 'after an edit', script: EDIT_ONE_SENTENCE },
    { how: 'with .cache removed', script: 'rm -rf .cache' },
  ];
  return nodes.flatMap(([command, version]) =>
    variants.map(({ how, script }) => {
      const project = path.join(benchDir, 'variants', `${version}-${how.replace(/\W+/g, '-')}`);
      rmSync(project, { recursive: true, force: true });
      for (const folder of ['data', 'templates', 'assets']) {
        cpSync(path.join(root, folder), path.join(project, folder), { recursive: true });
      }
      return { command, version, how, script, project };
    }),
  );
}

async function main(): Promise<void> {
  if (flags['pdf-only']) return pdfOnly();
  if (flags['template-only']) return templateOnly();
  if (flags['edit-loop']) return editLoopOnly();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(benchDir, { recursive: true });
  const env = environment();
  log(`node ${env.node}, ${env.cpus} CPUs, load ${env.loadAverageAtStart.join(' ')}`);

  log('bundling (dist/ and output/bench/dist-external/)');
  const bundles = [buildBundle(paths, 'bundled'), buildBundle(paths, 'external')];

  const deckCount = readdirSync(path.join(root, 'data', 'decks')).filter((f) => /\.ya?ml$/.test(f)).length;
  const seedMd = path.join(benchDir, 'strategi.md');
  const strategy = parse(readFileSync(path.join(root, 'data', 'strategy.yaml'), 'utf8')) as StrategyDoc;
  writeFileSync(seedMd, strategyToMarkdown(strategy, deckSlides(path.join(root, 'data', 'decks', 'strategi.yaml'))));

  // dist/cli.js itself: bin/trappa.js runs it too, unless a file in src/ is newer (then tsx),
  // which on a checkout being edited would measure tsx instead of the bundle.
  const cli = path.join(root, 'dist', 'cli.js');
  const external = path.join(bundles[1]!.outdir, 'cli.js');
  const out = ['--out', outDir];
  const commands: Command[] = [
    { name: 'node -e 0', command: node, args: ['-e', '0'] },
    {
      name: 'node + import pptxgenjs',
      command: node,
      args: ['--input-type=module', '-e', "await import('pptxgenjs')"],
      cwd: root,
    },
    { name: 'trappa --help', command: node, args: [cli, '--help'], cwd: root },
    { name: 'trappa build --all', command: node, args: [cli, ...out, 'build', '--all'], cwd: root },
    {
      name: 'trappa build --deck strategi',
      command: node,
      args: [cli, ...out, 'build', '--deck', 'strategi'],
      cwd: root,
    },
    { name: 'external deps: build --all', command: node, args: [external, ...out, 'build', '--all'], cwd: root },
    // As users start it: bin/trappa.js, which turns on Node's compile cache where there is one (22.1+).
    ...[
      [node, process.version],
      ...(node24 ? [[node24, execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim()]] : []),
    ].map(([command, version]) => ({
      name: `bin/trappa build --all (node ${version})`,
      command: command!,
      args: [path.join(root, 'bin', 'trappa.js'), ...out, 'build', '--all'],
      cwd: root,
    })),
    // The same build as users meet it after a change: since round 16 a build keeps the finished
    // slides, their deflated bytes and the built-in design in .cache, so an unchanged project is
    // rebuilt from them. So the bench also times a build after one sentence of the strategy was
    // edited (every deck changes), and a first build in a project (.cache removed before each run).
    ...variantProjects(node, node24).map(({ command, version, how, script, project }) => ({
      name: `bin/trappa build --all (node ${version}) ${how}`,
      command: 'sh',
      args: [
        '-c',
        `${script} && exec "$0" "$@"`,
        command,
        path.join(root, 'bin', 'trappa.js'),
        ...out,
        'build',
        '--all',
      ],
      cwd: project,
    })),
    ...(pandoc
      ? [
          {
            name: 'pandoc strategi.md',
            command: pandoc,
            args: [seedMd, '-o', path.join(benchDir, 'pandoc-strategi.pptx')],
            cwd: root,
          },
        ]
      : []),
  ];
  log(`cold: ${commands.length} commands × ${runs} runs, interleaved`);
  const cold = measureCommands(commands, runs);
  log('cold: tsx src/cli.ts (the former npm start), 3 runs');
  const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  cold.push(
    ...measureCommands(
      [
        {
          name: 'tsx src/cli.ts build --all',
          command: node,
          args: [tsxCli, 'src/cli.ts', ...out, 'build', '--all'],
          cwd: root,
        },
      ],
      3,
    ),
  );

  log(`cold probe: ${runs} runs`);
  const probe = probeCold(paths, runs);

  log('module import costs');
  const imports = importCosts(
    root,
    [
      'commander',
      'yaml',
      'zod',
      'handlebars',
      'fflate',
      'fastest-levenshtein',
      'pptxgenjs',
      'sharp',
      'nodemailer',
      'chokidar',
    ],
    quick ? 3 : 5,
  );
  const loaded = {
    bundled: bundledAtStart(bundles[0]!.outdir),
    fromNodeModules: packagesLoaded(paths, [cli, ...out, 'build', '--all']),
  };

  const profiles = flags['no-profile']
    ? undefined
    : { cold: profileRun(paths, 'cold-build-all', [cli, ...out, 'build', '--all']) };

  log(`warm: ${warmRuns} in-process rebuilds`);
  const warm = await measureWarm(root, 'strategi', warmRuns);
  const warmProfile = flags['no-profile']
    ? undefined
    : await profileWarm(root, 'strategi', warmRuns, path.join(benchDir, 'profiles', 'warm-rebuild.cpuprofile'));

  log(`scale: ${sizes.join(', ')} rows × ${scaleRuns} runs`);
  const scale = await measureScale({ root, sizes, runs: scaleRuns, trappaArgs: [cli], pandoc, node24 });
  const pdf = pdfSection(cli);
  log(`template: build --all on templates and built-in × ${runs} runs, interleaved`);
  const templateBuilds = await measureTemplates(root, cli, runs, onlyTemplates);

  log(
    existsSync('/usr/bin/chromium')
      ? 'studio: start, and edit → slide in chromium'
      : 'studio: skipped, /usr/bin/chromium not found',
  );
  const studio = existsSync('/usr/bin/chromium')
    ? await measureStudio(root, cli, quick ? 3 : 5, quick ? 12 : 32)
    : undefined;
  const studioOffice = existsSync('/usr/bin/chromium')
    ? await measureStudioOffice(root, cli, quick ? 6 : 21)
    : undefined;
  log('studio over HTTP: 2 MB strategy (load, edits, check, save, memory)');
  const studioHttp = await measureStudioHttpLarge(root, cli, quick ? 6 : 20);
  log('edit loop: in-process CPU per edit (studio worker, watch rebuild)');
  const editLoops = measureEditLoopApart(quick ? 8 : 20);

  const results = {
    env: { ...env, loadAverageAtEnd: os.loadavg().map((v) => Number(v.toFixed(2))) },
    deckCount,
    bundles,
    cold,
    probe,
    imports,
    packagesLoadedByBuild: loaded,
    profiles: { ...profiles, warm: warmProfile },
    warm,
    scale,
    studio,
    studioOffice,
    studioHttp,
    editLoops,
    pdf,
    templateBuilds,
  };
  const targets = evaluateTargets(results);
  const tables: Table[] = [
    summaryTable(results, studio),
    ...resultTables(results),
    ...(studio ? [studioTable(studio)] : []),
    ...(studioOffice ? [studioOfficeTable(studioOffice)] : []),
    studioHttpTable(studioHttp),
    ...editLoops.map(editLoopTable),
    ...(pdf ? [pdfTable(pdf, pdfRuns)] : []),
    templateTable(templateBuilds),
    targets,
  ];
  const markdown = tables.map(renderTable).join('\n');
  process.stdout.write(`\n${markdown}`);
  writeFileSync(
    path.join(benchDir, 'results.json'),
    `${JSON.stringify({ ...results, targets: targets.rows }, null, 2)}\n`,
  );
  writeFileSync(path.join(benchDir, 'results.md'), `# Trappa benchmark, ${env.date}\n\n${markdown}`);
  log(`wrote ${path.relative(process.cwd(), path.join(benchDir, 'results.json'))} and results.md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
