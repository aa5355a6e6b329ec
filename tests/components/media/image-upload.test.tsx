/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import '@testing-library/jest-dom';
import { ImageUpload, type ImageUploadProps } from '@/components/media/image-upload';

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A stand-in for XMLHttpRequest: records what was sent and lets the test play the server. */
class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  body: FormData | null = null;
  status = 0;
  responseText = '';
  responseType = '';
  aborted = false;
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
    FakeXhr.last = this;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    act(() => this.onload?.());
  }
}

function file(bytes: number[] | Uint8Array, name = 'picture.png', type = 'image/png') {
  return new File([new Uint8Array(bytes)], name, { type });
}

function renderUpload(props: Partial<ImageUploadProps> = {}) {
  const onChange = jest.fn();
  const utils = render(<ImageUpload label="Cover image" endpoint="/api/admin/uploads/cover" value={null} onChange={onChange} {...props} />);
  return { onChange, input: screen.getByLabelText('Cover image') as HTMLInputElement, ...utils };
}

/** Picks a file; the component reads its first bytes (asynchronously) before it sends anything. */
async function choose(input: HTMLInputElement, chosen: File) {
  fireEvent.change(input, { target: { files: [chosen] } });
}

/** Picks an image and waits for its upload to start. */
async function chooseAndSend(input: HTMLInputElement, chosen: File): Promise<FakeXhr> {
  await choose(input, chosen);
  await waitFor(() => expect(FakeXhr.last).not.toBeNull());
  return FakeXhr.last!;
}

describe('ImageUpload', () => {
  beforeEach(() => {
    FakeXhr.last = null;
    (globalThis as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXhr;
  });

  it('is a labelled file input that accepts the image types and describes the rules', () => {
    const { input } = renderUpload({ hint: 'Shown on the quest card.' });
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('accept', 'image/png,image/jpeg,image/webp,image/gif,image/avif');
    expect(input).toHaveAccessibleDescription('Shown on the quest card. PNG, JPEG, WebP, GIF or AVIF, up to 5 MB.');
  });

  it('uploads the chosen file as multipart field `file`, shows progress, and hands back the URL', async () => {
    const { input, onChange } = renderUpload();
    const chosen = file([...PNG_HEAD, 1, 2, 3]);
    const xhr = await chooseAndSend(input, chosen);
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/admin/uploads/cover');
    expect(xhr.body?.get('file')).toBe(chosen);
    expect(screen.getByRole('status')).toHaveTextContent('Uploading image…');
    xhr.progress(50, 100);
    expect(screen.getByRole('progressbar', { name: 'Uploading cover image' })).toHaveAttribute('value', '50');
    expect(input).toBeDisabled();
    xhr.respond(201, { success: true, upload: { url: '/api/media/covers/abc.png', key: 'covers/abc.png', contentType: 'image/png', size: 11 } });
    expect(onChange).toHaveBeenCalledWith('/api/media/covers/abc.png');
    expect(screen.getByRole('status')).toHaveTextContent('Image uploaded.');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it("passes the avatar endpoint's avatarUrl to onChange", async () => {
    const onChange = jest.fn();
    render(<ImageUpload label="Profile picture" endpoint="/api/me/avatar" value={null} onChange={onChange} />);
    (await chooseAndSend(screen.getByLabelText('Profile picture') as HTMLInputElement, file(PNG_HEAD))).respond(200, { success: true, avatarUrl: '/api/media/avatars/u/abc.png' });
    expect(onChange).toHaveBeenCalledWith('/api/media/avatars/u/abc.png');
  });

  it("shows the API's error for the file next to the field", async () => {
    const { input, onChange } = renderUpload();
    (await chooseAndSend(input, file(PNG_HEAD))).respond(415, { success: false, error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Bad upload', fields: { file: ['Not an image we accept'] } } });
    expect(screen.getByRole('alert')).toHaveTextContent('Not an image we accept');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Not an image we accept'));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('refuses in the browser, before uploading, a file whose bytes are not an image or that is too large', async () => {
    const { input } = renderUpload();
    await choose(input, file([...'<svg xmlns="http://www.w3.org/2000/svg"/>'].map((c) => c.charCodeAt(0)), 'cover.png', 'image/png'));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/not an image we accept/i));
    expect(FakeXhr.last).toBeNull();
    const huge = file(PNG_HEAD);
    Object.defineProperty(huge, 'size', { value: 5 * 1024 * 1024 + 1 });
    await choose(input, huge);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('larger than 5 MB'));
    expect(FakeXhr.last).toBeNull();
  });

  it('says so when the network fails', async () => {
    const { input } = renderUpload();
    const xhr = await chooseAndSend(input, file(PNG_HEAD));
    act(() => xhr.onerror?.());
    expect(screen.getByRole('alert')).toHaveTextContent('Could not reach WorkFree');
    expect(input).not.toBeDisabled();
  });

  it('previews the current image with alt text, and Remove clears a cover without a request', () => {
    global.fetch = jest.fn() as unknown as typeof fetch;
    const { onChange } = renderUpload({ value: '/api/media/covers/abc.png' });
    expect(screen.getByRole('img', { name: 'Current cover image' })).toHaveAttribute('src', '/api/media/covers/abc.png');
    fireEvent.click(screen.getByRole('button', { name: 'Remove image' }));
    expect(onChange).toHaveBeenCalledWith(null);
    expect(global.fetch).not.toHaveBeenCalled();
  });

  it('Remove deletes the avatar on the server first', async () => {
    global.fetch = jest.fn().mockResolvedValue({ ok: true, status: 200, json: async () => ({ success: true, avatarUrl: null }) }) as unknown as typeof fetch;
    const onChange = jest.fn();
    render(<ImageUpload label="Profile picture" endpoint="/api/me/avatar" value="/api/media/avatars/u/a.png" onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove image' }));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(null));
    expect(global.fetch).toHaveBeenCalledWith('/api/me/avatar', expect.objectContaining({ method: 'DELETE' }));
    expect(screen.getByRole('status')).toHaveTextContent('Image removed.');
  });

  it('aborts an upload still running when it goes away', async () => {
    const { input, unmount } = renderUpload();
    const xhr = await chooseAndSend(input, file(PNG_HEAD));
    unmount();
    expect(xhr.aborted).toBe(true);
  });
});
