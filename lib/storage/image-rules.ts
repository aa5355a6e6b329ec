/**
 * What an uploaded image may be: the one list of limits, shared by the upload routes and the
 * browser's pre-checks (no server-only import, so client components can use it). The server
 * decides by the file's bytes (sniff-image.ts); the browser's checks only save a doomed upload.
 */

/** Largest image accepted, in bytes (5 MB). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Accepted image types and the extension their stored keys get. SVG is never accepted: it can carry script. */
export const IMAGE_TYPES = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
} as const;

export type ImageContentType = keyof typeof IMAGE_TYPES;
export type ImageExtension = (typeof IMAGE_TYPES)[ImageContentType];

/** For `<input type="file" accept>`: a hint to the file picker, not a check. */
export const IMAGE_ACCEPT = Object.keys(IMAGE_TYPES).join(',');

/** How the rules read to a person, in hints and errors. */
export const IMAGE_RULES_TEXT = 'PNG, JPEG, WebP, GIF or AVIF, up to 5 MB';

export const IMAGE_ERRORS = {
  missing: 'Choose an image file to upload',
  empty: 'The file is empty',
  tooLarge: 'The image is larger than 5 MB',
  wrongType: `The file is not an image we accept (${IMAGE_RULES_TEXT}; never SVG)`,
} as const;

export function isImageContentType(value: string): value is ImageContentType {
  return Object.hasOwn(IMAGE_TYPES, value);
}
