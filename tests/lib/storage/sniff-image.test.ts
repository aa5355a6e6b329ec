import { IMAGE_ACCEPT, MAX_IMAGE_BYTES, isImageContentType } from '@/lib/storage/image-rules';
import { sniffImage } from '@/lib/storage/sniff-image';
import { NOT_IMAGES, SAMPLE_IMAGES } from '../../support/multipart';

describe('sniffing an image by its bytes', () => {
  it.each([
    ['png', 'image/png', 'png'],
    ['jpeg', 'image/jpeg', 'jpg'],
    ['webp', 'image/webp', 'webp'],
    ['gif', 'image/gif', 'gif'],
    ['avif', 'image/avif', 'avif'],
  ] as const)('recognizes a %s file from its header', (sample, contentType, extension) => {
    expect(sniffImage(SAMPLE_IMAGES[sample])).toEqual({ contentType, extension });
  });

  it('recognizes AVIF by a compatible brand too, and refuses other ISO-BMFF files (HEIC)', () => {
    const box = (major: string, brands: string) =>
      Buffer.concat([Buffer.from([0, 0, 0, 16 + brands.length]), Buffer.from(`ftyp${major}`), Buffer.alloc(4), Buffer.from(brands)]);
    expect(sniffImage(box('mif1', 'mif1avif'))?.contentType).toBe('image/avif');
    expect(sniffImage(box('heic', 'mif1heic'))).toBeNull();
  });

  it('refuses a PDF, an SVG, HTML and text, whatever they are called', () => {
    for (const bytes of Object.values(NOT_IMAGES)) expect(sniffImage(bytes)).toBeNull();
  });

  it('refuses an empty file and a truncated signature', () => {
    expect(sniffImage(new Uint8Array())).toBeNull();
    expect(sniffImage(SAMPLE_IMAGES.png.subarray(0, 7))).toBeNull();
    expect(sniffImage(Buffer.from('RIFF\x10\x00\x00\x00WAVE'))).toBeNull();
  });

  it('shares one set of rules with the browser: 5 MB, no SVG', () => {
    expect(MAX_IMAGE_BYTES).toBe(5 * 1024 * 1024);
    expect(IMAGE_ACCEPT.split(',')).toEqual(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/avif']);
    expect(isImageContentType('image/svg+xml')).toBe(false);
    expect(isImageContentType('toString')).toBe(false);
  });
});
