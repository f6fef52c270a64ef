// Pick lists fed from the API: units (all loaded, filtered here) and people (searched on the server).
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { queries } from "../../../api/queries.ts";
import { PickList, type PickOption } from "../../../components/pick-list.tsx";
import { useDebounced } from "../../../use-debounced.ts";

interface Props {
  label: string;
  multiple: boolean;
  picked: PickOption[];
  onChange: (picked: PickOption[]) => void;
  error?: string | undefined;
}

export function UnitPicker(props: Props) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState("");
  const units = useQuery(queries.units());
  const options = useMemo(() => {
    const text = search.trim();
    return (units.data?.features ?? [])
      .map((feature) => feature.properties)
      .filter((unit) => !text || unit.name.includes(text) || unit.shortName.includes(text))
      .sort((a, b) => a.name.localeCompare(b.name, i18n.language))
      .map((unit) => ({ id: unit.id, label: unit.name, detail: t(`unitKind.${unit.kind}`) }));
  }, [units.data, search, t, i18n.language]);
  return (
    <PickList
      {...props}
      options={options}
      search={search}
      onSearch={setSearch}
      loading={units.isPending}
    />
  );
}

export function PersonPicker(props: Props) {
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 250);
  const people = useQuery(queries.people({ q, limit: 40 }));
  const options = useMemo(
    () =>
      (people.data?.people ?? []).map((person) => ({
        id: person.id,
        label: person.name,
        detail: [person.unitName ?? person.branchName, person.mobile].filter(Boolean).join(" · "),
      })),
    [people.data],
  );
  return (
    <PickList
      {...props}
      options={options}
      search={search}
      onSearch={setSearch}
      loading={people.isPending}
    />
  );
}
