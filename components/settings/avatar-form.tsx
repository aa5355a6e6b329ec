'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ImageUpload } from '@/components/media/image-upload';

/** The settings page's profile picture: uploads or removes it, then refreshes the page around it. */
export function AvatarForm({ avatarUrl }: { avatarUrl: string | null }) {
  const router = useRouter();
  const [value, setValue] = useState(avatarUrl);
  return (
    <ImageUpload
      id="avatar-upload"
      label="Profile picture"
      endpoint="/api/me/avatar"
      value={value}
      hint="A square image looks best."
      onChange={(url) => {
        setValue(url);
        router.refresh();
      }}
    />
  );
}
