// Uploading photos (POST /api/files): problem and rectification evidence, checked by the API.
import { request } from "./client.ts";

/** A stored photo; the same bytes uploaded twice are one file. */
export interface StoredFile {
  id: number;
  url: string;
  thumbnailUrl: string;
  originalName: string;
  /** EXIF DateTimeOriginal, when the camera wrote it. */
  takenAt: string | null;
  /** EXIF GPS position [lon, lat] in WGS84, when the camera wrote it. */
  location: [number, number] | null;
}

export const filesApi = {
  upload: (file: File) => {
    const form = new FormData();
    form.set("file", file);
    return request<StoredFile>("POST", "/api/files", { form });
  },
};
