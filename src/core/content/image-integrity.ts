/**
 * Whether a raster image is whole and of a size a browser can show. image-size reads only the
 * header, so a file cut off after it (an interrupted upload, a half-written copy) passed, and
 * Astro's image step then warned without naming a page while the broken file was published.
 *
 * Decoding every image to be sure would take seconds per build; instead each format's own framing
 * says whether the file reaches its end: PNG's chunks up to IEND, JPEG's end-of-image marker, GIF's
 * trailer byte, the RIFF length of WebP and the box lengths of AVIF. Formats browsers show but
 * courses rarely use (ICO, BMP, TIFF) get the header check alone.
 */

/**
 * A limit far above any screenshot or photo a lesson needs (a 50-megapixel camera, a 4K screen at
 * twice its density) and far below what hurts: a 30,000 × 30,000 PNG compresses to a few kilobytes
 * but takes 3.6 GB of memory to show, and Astro's image step (sharp) refuses it outright.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;
export const MAX_IMAGE_SIDE = 16_384;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether the file's own framing says it ends where the file does (or later bytes are padding). */
export function isComplete(bytes: Uint8Array, type: string): boolean {
  switch (type) {
    case 'png':
      return pngComplete(bytes);
    case 'jpg':
      return jpegComplete(bytes);
    case 'gif':
      return gifComplete(bytes);
    case 'webp':
      return webpComplete(bytes);
    case 'avif':
    case 'heif':
      return boxesComplete(bytes);
    default:
      return true;
  }
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Chunk after chunk (length, type, data, CRC), each inside the file, up to IEND. */
function pngComplete(bytes: Uint8Array): boolean {
  if (!PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return false;
  const data = view(bytes);
  let offset = PNG_SIGNATURE.length;
  let sawImageData = false;
  while (offset + 12 <= bytes.length) {
    const length = data.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const next = offset + 12 + length;
    if (next > bytes.length) return false;
    if (type === 'IDAT') sawImageData = true;
    if (type === 'IEND') return sawImageData;
    offset = next;
  }
  return false;
}

/**
 * The segments up to the image's first scan (FF DA), skipped by their lengths so that a thumbnail
 * inside the EXIF data does not count, then an end-of-image marker (FF D9) after it. In the scan
 * data a 0xFF byte is always followed by 00 or a restart marker, so FF D9 there is the real end;
 * bytes after it (a phone's motion-photo video) are allowed.
 */
function jpegComplete(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return false;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const next = offset + 2 + ((bytes[offset + 2]! << 8) | bytes[offset + 3]!);
    if (next > bytes.length) return false;
    if (marker === 0xda) return indexOfPair(bytes, 0xff, 0xd9, next) !== -1;
    offset = next;
  }
  return false;
}

function indexOfPair(bytes: Uint8Array, first: number, second: number, from: number): number {
  for (let i = bytes.indexOf(first, from); i !== -1 && i + 1 < bytes.length; i = bytes.indexOf(first, i + 1)) if (bytes[i + 1] === second) return i;
  return -1;
}

/** The trailer byte (0x3B) ends every GIF. */
function gifComplete(bytes: Uint8Array): boolean {
  let end = bytes.length;
  while (end > 6 && bytes[end - 1] === 0x00) end--;
  return bytes[end - 1] === 0x3b;
}

/** RIFF's length field counts every byte after the first eight. */
function webpComplete(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  return 8 + view(bytes).getUint32(4, true) <= bytes.length;
}

/** ISO base media boxes (AVIF): each top-level box's length fits in the file, and one holds the image data. */
function boxesComplete(bytes: Uint8Array): boolean {
  const data = view(bytes);
  let offset = 0;
  let sawMediaData = false;
  while (offset + 8 <= bytes.length) {
    let size = data.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (size === 1) {
      if (offset + 16 > bytes.length) return false;
      size = Number(data.getBigUint64(offset + 8));
    } else if (size === 0) {
      size = bytes.length - offset; // the box runs to the end of the file
    }
    if (size < 8 || offset + size > bytes.length) return false;
    if (type === 'mdat') sawMediaData = true;
    offset += size;
  }
  return offset === bytes.length && sawMediaData;
}

/** Why an image of this size cannot be published, or undefined. */
export function sizeProblem(width: number, height: number): string | undefined {
  const pixels = width * height;
  if (width <= MAX_IMAGE_SIDE && height <= MAX_IMAGE_SIDE && pixels <= MAX_IMAGE_PIXELS) return undefined;
  const megapixels = Math.round(pixels / 1_000_000).toLocaleString('en');
  const memory = formatMemory(pixels * 4);
  return (
    `is ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels (${megapixels} megapixels): a browser needs ${memory} of memory to show it. ` +
    `Images may have at most ${MAX_IMAGE_SIDE.toLocaleString('en')} pixels on a side and ${MAX_IMAGE_PIXELS / 1_000_000} megapixels; scale it down, since a page column is under 1,000 pixels wide`
  );
}

function formatMemory(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`;
}
