// The citizen's one optional photo: picked from the camera or the gallery, checked here for its
// kind and size, shown as a small preview that can be taken off; it is sent with the report.
import { type ChangeEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { maxPhotoMb, photoProblem, photoTypes } from "./photo-check.ts";

interface Props {
  photo: File | null;
  onPhoto: (photo: File | null) => void;
}

export function CitizenPhoto({ photo, onPhoto }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);

  useEffect(() => {
    if (!photo) return setPreview(null);
    const url = URL.createObjectURL(photo);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [photo]);

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // the same photo can be picked again after removing it
    if (!file) return;
    const wrong = photoProblem(file);
    setProblem(wrong && t(wrong.key, wrong.values));
    if (!wrong) onPhoto(file);
  };

  return (
    <div className="photo-upload citizen-photo">
      <span className="photo-upload-label" id={`${id}-label`}>
        {t("citizen.photo")}
      </span>
      <ul className="photo-thumbs" aria-labelledby={`${id}-label`}>
        {photo && preview ? (
          <li>
            <img src={preview} alt={t("citizen.photoChosen", { name: photo.name })} />
            <button
              type="button"
              aria-label={t("photos.remove", { name: photo.name })}
              onClick={() => onPhoto(null)}
            >
              ×
            </button>
          </li>
        ) : (
          <li className="photo-add">
            <label htmlFor={id}>{t("photos.add")}</label>
            <input
              id={id}
              type="file"
              accept={photoTypes.join(",")}
              aria-describedby={`${id}-hint`}
              onChange={onPick}
            />
          </li>
        )}
      </ul>
      <small className="form-note" id={`${id}-hint`}>
        {t("citizen.photoHint", { mb: maxPhotoMb })}
      </small>
      {problem && (
        <small className="field-error" role="alert">
          {problem}
        </small>
      )}
    </div>
  );
}
