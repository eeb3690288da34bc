// Portraits of fixtures/people as Chromium's fake webcam: each JPEG decoded by Chromium itself, then written as the
// one-frame Y4M video (I420, BT.601 limited range, as ffmpeg's yuv420p gives) that --use-file-for-fake-video-capture
// plays, so the picture goes through the camera's own video path, as a webcam's would.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium';

interface Person {
  name: string;
  set: string;
  ita_class: string;
}

/** fixtures/people/people.csv: each frame's name, collection and skin-tone class. */
export function readPeople(): Person[] {
  const [header, ...rows] = readFileSync(fileURLToPath(new URL('../fixtures/people/people.csv', import.meta.url)), 'utf8').trim().split('\n');
  const columns = (header ?? '').split(',');
  return rows.map((row) => {
    const cells = row.split(',');
    const cell = (name: string) => cells[columns.indexOf(name)]?.trim() ?? '';
    return { name: cell('name'), set: cell('set'), ita_class: cell('ita_class') };
  });
}

/**
 * One portrait per collection and skin-tone class, the first of each in people.csv (a rule, not a choice): the
 * component-level evaluation of every portrait runs in the browser project; this sample takes the webcam's path.
 */
export function samplePeople(people: readonly Person[], skip: ReadonlySet<string>): Person[] {
  const seen = new Set<string>();
  return people.filter((person) => {
    const key = `${person.set}/${person.ita_class}`;
    if (skip.has(person.name) || person.ita_class === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toY4m(rgba: Uint8Array, width: number, height: number): Buffer {
  const luma = Buffer.alloc(width * height);
  const chromaWidth = width / 2;
  const blue = Buffer.alloc((width * height) / 4);
  const red = Buffer.alloc((width * height) / 4);
  const channel = (x: number, y: number, c: number) => (rgba[(y * width + x) * 4 + c] ?? 0) / 255;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) luma[y * width + x] = Math.round(16 + 65.481 * channel(x, y, 0) + 128.553 * channel(x, y, 1) + 24.966 * channel(x, y, 2));
  }
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        r += channel(x + dx, y + dy, 0) / 4;
        g += channel(x + dx, y + dy, 1) / 4;
        b += channel(x + dx, y + dy, 2) / 4;
      }
      blue[(y / 2) * chromaWidth + x / 2] = Math.round(128 - 37.797 * r - 74.203 * g + 112 * b);
      red[(y / 2) * chromaWidth + x / 2] = Math.round(128 + 112 * r - 93.786 * g - 18.214 * b);
    }
  }
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F25:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, blue, red]);
}

/** Writes `<folder>/<name>.y4m` for each portrait, decoding the JPEGs in Chromium; returns the folder. */
export async function writePeopleVideos(names: readonly string[], folder = mkdtempSync(join(tmpdir(), 'people-webcam-'))): Promise<string> {
  const browser = await launchChromium('none');
  try {
    const page = await browser.newPage();
    for (const name of names) {
      const jpeg = readFileSync(fileURLToPath(new URL(`../fixtures/people/frames/${name}.jpg`, import.meta.url))).toString('base64');
      const { width, height, pixels } = await page.evaluate(async (source) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/jpeg;base64,${source}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d');
        if (context === null) throw new Error('no 2d context');
        context.drawImage(bitmap, 0, 0);
        const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
        let binary = '';
        for (let at = 0; at < data.length; at += 0x8000) binary += String.fromCharCode(...data.subarray(at, at + 0x8000));
        return { width: bitmap.width, height: bitmap.height, pixels: btoa(binary) };
      }, jpeg);
      writeFileSync(join(folder, `${name}.y4m`), toY4m(Buffer.from(pixels, 'base64'), width, height));
    }
  } finally {
    await browser.close();
  }
  return folder;
}
