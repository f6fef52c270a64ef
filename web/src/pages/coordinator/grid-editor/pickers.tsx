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

/** The options matching what is typed, and whether they are still coming. */
type Options = (search: string) => { options: PickOption[]; loading: boolean };

/** A pick list searched by typing; `useOptions` (a hook, the same on every render) finds the
 * options. */
function SearchedPicker({ useOptions, ...props }: Props & { useOptions: Options }) {
  const [search, setSearch] = useState("");
  const { options, loading } = useOptions(search);
  return (
    <PickList {...props} options={options} search={search} onSearch={setSearch} loading={loading} />
  );
}

/** Every unit, filtered here by name or short name. */
function useUnitOptions(search: string) {
  const { t, i18n } = useTranslation();
  const units = useQuery(queries.units());
  const options = useMemo(() => {
    const text = search.trim();
    return (units.data?.features ?? [])
      .map((feature) => feature.properties)
      .filter((unit) => !text || unit.name.includes(text) || unit.shortName.includes(text))
      .sort((a, b) => a.name.localeCompare(b.name, i18n.language))
      .map((unit) => ({ id: unit.id, label: unit.name, detail: t(`unitKind.${unit.kind}`) }));
  }, [units.data, search, t, i18n.language]);
  return { options, loading: units.isPending };
}

/** The people the server finds for what is typed. */
function usePersonOptions(search: string) {
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
  return { options, loading: people.isPending };
}

export function UnitPicker(props: Props) {
  return <SearchedPicker {...props} useOptions={useUnitOptions} />;
}

export function PersonPicker(props: Props) {
  return <SearchedPicker {...props} useOptions={usePersonOptions} />;
}
