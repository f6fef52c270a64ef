// Uploading photos (POST /api/files): problem and rectification evidence, checked by the API.
import { request } from "./client.ts";
import type { Schemas } from "./types.ts";

/** A stored photo; the same bytes uploaded twice are one file. */
export type StoredFile = Schemas["File"];

export const filesApi = {
  upload: (file: File) => {
    const form = new FormData();
    form.set("file", file);
    return request<StoredFile>("POST", "/api/files", { form });
  },
};
