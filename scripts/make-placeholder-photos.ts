/**
 * Draws the two placeholder photos in assets/photos/ (there is no licence-free
 * photo of Innherred in the repo, and no internet on the build machines).
 * Each scene is an SVG of gradients and shapes, rasterised by sharp at 2400 × 1600,
 * with seeded film grain added so JPEG compresses it like a real photo.
 * Deterministic: the same sharp version gives the same bytes.
 *
 *   npx tsx scripts/make-placeholder-photos.ts
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const WIDTH = 2400;
const HEIGHT = 1600;
const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'photos');

/** mulberry32: a tiny seeded PRNG, so every run draws the same scene. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A mountain ridge as a closed path: sums of sines around `base` (px from top). */
function ridge(random: () => number, base: number, amplitude: number, bottom: number): string {
  const waves = [1, 2, 3, 5, 9].map((f) => ({ f, phase: random() * 6.28, a: amplitude / f }));
  const points: string[] = [];
  for (let x = 0; x <= WIDTH; x += 24) {
    const y = base - waves.reduce((sum, w) => sum + w.a * Math.sin((x / WIDTH) * w.f * 3.1 + w.phase), 0);
    points.push(`${x},${y.toFixed(1)}`);
  }
  return `M0,${bottom} L${points.join(' L')} L${WIDTH},${bottom} Z`;
}

function fjordSvg(): string {
  const random = seeded(63);
  const far = ridge(random, 700, 110, 900);
  const near = ridge(random, 820, 150, 900);
  const trees = Array.from({ length: 70 }, () => {
    const x = random() * WIDTH;
    const h = 40 + random() * 60;
    const y = 900 + random() * 20;
    return `<path d="M${x.toFixed(0)},${(y - h).toFixed(0)} l${h / 4},${h} h${-h / 2} z"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#5d8fc4"/>
      <stop offset="1" stop-color="#e8e4d6"/></linearGradient>
    <linearGradient id="sea" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#6f8fa6"/>
      <stop offset="1" stop-color="#1f3a4d"/></linearGradient>
    <radialGradient id="sun" cx="0.72" cy="0.3" r="0.35"><stop offset="0" stop-color="#fff6d8" stop-opacity="0.9"/>
      <stop offset="1" stop-color="#fff6d8" stop-opacity="0"/></radialGradient>
    <filter id="soft"><feGaussianBlur stdDeviation="30"/></filter>
    <filter id="haze"><feGaussianBlur stdDeviation="3"/></filter>
  </defs>
  <rect width="${WIDTH}" height="900" fill="url(#sky)"/>
  <rect width="${WIDTH}" height="900" fill="url(#sun)"/>
  <g fill="#ffffff" opacity="0.7" filter="url(#soft)">
    <ellipse cx="500" cy="250" rx="380" ry="70"/><ellipse cx="1500" cy="180" rx="460" ry="60"/>
      <ellipse cx="2000" cy="380" rx="300" ry="50"/>
  </g>
  <path d="${far}" fill="#8097ad" filter="url(#haze)"/>
  <path d="${near}" fill="#3d5a45"/>
  <g fill="#23392a">${trees}</g>
  <rect y="900" width="${WIDTH}" height="700" fill="url(#sea)"/>
  <g transform="translate(0,1800) scale(1,-1)" opacity="0.35" filter="url(#haze)">
    <path d="${near}" fill="#2c4536"/>
  </g>
  <rect x="1620" y="870" width="70" height="40" fill="#9e2b25"/><path d="M1610,872 l45,-28 l45,28 z" fill="#3b2b25"/>
  <path d="M0,1500 C600,1420 1200,1470 ${WIDTH},1400 L${WIDTH},${HEIGHT} L0,${HEIGHT} Z" fill="#4a4a3a"/>
</svg>`;
}

function townSvg(): string {
  const random = seeded(1836);
  const colours = ['#f4efe4', '#b8322a', '#e2b84b', '#f4efe4', '#6f8f9c', '#d9d2c0', '#9c3a2e'];
  let x = -40;
  let houses = '';
  let i = 0;
  while (x < WIDTH) {
    const w = 240 + random() * 160;
    const h = 260 + random() * 160;
    const top = 1150 - h;
    const fill = colours[i++ % colours.length] ?? '#f4efe4';
    let windows = '';
    for (let row = 0; row < 2; row++) {
      for (let wx = x + 40; wx < x + w - 70; wx += 90) {
        windows +=
          `<rect x="${wx.toFixed(0)}" y="${(top + 60 + row * 120).toFixed(0)}" width="50" height="70" ` +
          `fill="#2d3b45" stroke="#fff" stroke-width="6"/>`;
      }
    }
    houses +=
      `<rect x="${x.toFixed(0)}" y="${top.toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" ` +
      `fill="${fill}"/>` +
      `<path d="M${(x - 15).toFixed(0)},${top.toFixed(0)} L${(x + w / 2).toFixed(0)},${(top - 110).toFixed(0)} ` +
      `L${(x + w + 15).toFixed(0)},${top.toFixed(0)} Z" fill="#3a3431"/>` +
      windows;
    x += w + 10;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8fb3d9"/>
      <stop offset="1" stop-color="#f1ede2"/></linearGradient>
    <linearGradient id="street" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8a8580"/>
      <stop offset="1" stop-color="#4b4744"/></linearGradient>
    <filter id="haze"><feGaussianBlur stdDeviation="4"/></filter>
  </defs>
  <rect width="${WIDTH}" height="1150" fill="url(#sky)"/>
  <path d="${ridge(random, 640, 60, 1150)}" fill="#7d9a80" filter="url(#haze)"/>
  <path d="M1180,700 l40,-330 l40,330 z" fill="#e9e4d8"/>
    <rect x="1150" y="700" width="140" height="200" fill="#e9e4d8"/>
  ${houses}
  <rect y="1150" width="${WIDTH}" height="450" fill="url(#street)"/>
  <path d="M0,1260 H${WIDTH}" stroke="#c9c3b8" stroke-width="10" stroke-dasharray="120 80"/>
  <g fill="#26221f"><circle cx="700" cy="1330" r="40"/><rect x="665" y="1370" width="70" height="170" rx="20"/>
  <circle cx="860" cy="1320" r="38"/><rect x="825" y="1358" width="70" height="180" rx="20" fill="#2f4a63"/></g>
</svg>`;
}

/** Adds seeded grain and returns a JPEG like a camera's (quality 85, no metadata). */
async function toPhoto(svg: string, seed: number): Promise<Buffer> {
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const random = seeded(seed);
  for (let p = 0; p < data.length; p += 3) {
    const grain = (random() + random() - 1) * 18;
    for (let c = 0; c < 3; c++) data[p + c] = Math.max(0, Math.min(255, (data[p + c] ?? 0) + grain));
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
    .blur(0.6)
    .jpeg({ quality: 85, mozjpeg: true })
    .toBuffer();
}

const photos = [
  { file: 'fjord.jpg', svg: fjordSvg(), seed: 1 },
  { file: 'town.jpg', svg: townSvg(), seed: 2 },
];
for (const photo of photos) {
  const jpeg = await toPhoto(photo.svg, photo.seed);
  await writeFile(path.join(outDir, photo.file), jpeg);
  console.log(`${photo.file}: ${(jpeg.length / 1024).toFixed(0)} KB`);
}
