import 'server-only';
import { contentKey, type MediaPurpose } from './keys';
import { mediaUrl, storage } from './index';
import type { ImageUpload } from './read-image-upload';

export interface StoredImage {
  key: string;
  url: string;
  contentType: string;
  size: number;
}

/** Puts a checked upload under its content-addressed key and says where it can be seen. */
export async function storeImage(purpose: MediaPurpose, upload: ImageUpload): Promise<StoredImage> {
  const key = contentKey(purpose, upload.bytes, upload.extension);
  await storage().put(key, upload.bytes, upload.contentType);
  return { key, url: mediaUrl(key), contentType: upload.contentType, size: upload.bytes.byteLength };
}
