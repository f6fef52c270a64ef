// A page that only says something: no such page, or not allowed to see it; with a way back.
import { useTranslation } from "react-i18next";
import { Link } from "../components/link.tsx";

export function MessagePage({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <div className="form-card">
        <p>{message}</p>
        <Link to="/">{t("nav.backToMap")}</Link>
      </div>
    </div>
  );
}
