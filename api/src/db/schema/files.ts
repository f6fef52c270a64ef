// Uploaded files (photos, materials), stored once by content hash.
import { bigint, pgTable, text, unique, varchar } from "drizzle-orm/pg-core";
import { createdAt, point, timestamptz } from "./columns.ts";
import { cityRow } from "./regions.ts";

export const files = pgTable(
  "files",
  {
    ...cityRow(),
    sha256: varchar("sha256", { length: 64 }).notNull(),
    mime: text("mime").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    /** The uploader's file name, kept for download only; never used as a path. */
    originalName: text("original_name").notNull(),
    /** From the photo's EXIF, where present: offered as the problem's time and place. */
    takenAt: timestamptz("taken_at"),
    exifLocation: point("exif_location"),

    createdAt: createdAt(),
  },
  (t) => [unique("files_city_sha256_key").on(t.cityId, t.sha256)],
);
