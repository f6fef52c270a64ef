// The browser's own check of a citizen's photo before it is sent: a JPEG, PNG or WebP of at most
// 10 MB, as the API accepts (the API checks the content again).

export const photoTypes = ["image/jpeg", "image/png", "image/webp"] as const;
export const maxPhotoMb = 10;

/** Why this file cannot go with the report (an i18n key and its values), or null when it can. */
export function photoProblem(file: {
  name: string;
  type: string;
  size: number;
}): { key: string; values: Record<string, string> } | null {
  if (!(photoTypes as readonly string[]).includes(file.type))
    return { key: "citizen.photoWrongType", values: { name: file.name } };
  if (file.size > maxPhotoMb * 1024 * 1024)
    return {
      key: "citizen.photoTooBig",
      values: {
        name: file.name,
        size: (file.size / 1024 / 1024).toFixed(1),
        mb: String(maxPhotoMb),
      },
    };
  return null;
}
