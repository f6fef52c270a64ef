// Photos to send with a step or an inspection result: pick from the camera or the gallery, each
// is uploaded at once (POST /api/files) and shown as a thumbnail that can be taken off again.
import { type ChangeEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../api/client.ts";
import { filesApi, type StoredFile } from "../api/files.ts";
import { RemoveButton } from "./remove-button.tsx";

interface Props {
  label: string;
  photos: readonly StoredFile[];
  onChange: (photos: StoredFile[]) => void;
  /** The API's message about these photos, e.g. "after-photos are required". */
  error?: string | undefined;
  /** Tells the form that a photo is still on its way, so it waits before sending. */
  onBusy?: (busy: boolean) => void;
}

export function PhotoUpload({ label, photos, onChange, error, onBusy }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [uploading, setUploading] = useState(0);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = ""; // the same photo can be picked again after removing it
    if (!files.length) return;
    setUploadError(null);
    setUploading(files.length);
    onBusy?.(true);
    const added: StoredFile[] = [];
    for (const file of files) {
      try {
        const stored = await filesApi.upload(file);
        if (!photos.some((photo) => photo.id === stored.id)) added.push(stored);
      } catch (failure) {
        setUploadError(`${file.name}: ${errorText(failure as Error)}`);
      }
      setUploading((left) => left - 1);
    }
    onBusy?.(false);
    onChange([...photos, ...added]);
  };

  const message = uploadError ?? error;
  return (
    <div className="photo-upload">
      <span className="photo-upload-label" id={`${id}-label`}>
        {label}
      </span>
      <ul className="photo-thumbs" aria-labelledby={`${id}-label`}>
        {photos.map((photo) => (
          <li key={photo.id}>
            <img src={photo.thumbnailUrl} alt={photo.originalName} />
            <RemoveButton
              label={t("photos.remove", { name: photo.originalName })}
              onClick={() => onChange(photos.filter((p) => p.id !== photo.id))}
            />
          </li>
        ))}
        <li className="photo-add">
          <label htmlFor={id}>{uploading ? t("photos.uploading") : t("photos.add")}</label>
          <input
            id={id}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            disabled={uploading > 0}
            onChange={(event) => void onPick(event)}
          />
        </li>
      </ul>
      {message && <small className="field-error">{message}</small>}
    </div>
  );
}
