// The people register: staff and volunteers to pick as grid leaders and volunteers.
import { queryString, request } from "./client.ts";

export interface RegisteredPerson {
  id: number;
  name: string;
  mobile: string;
  title: string | null;
  unitId: number | null;
  unitName: string | null;
  branchId: number | null;
  branchName: string | null;
  partyMember: boolean;
  /** The codes of the grids the person already serves, comma-separated. */
  gridCodes: string | null;
}

export interface PeopleFilters {
  q?: string;
  unitId?: number;
  unassigned?: boolean;
  limit: number;
}

export const peopleApi = {
  search: ({ unassigned, ...filters }: PeopleFilters) =>
    request<{ people: RegisteredPerson[]; total: number }>(
      "GET",
      `/api/people${queryString({ ...filters, unassigned: unassigned ? "true" : undefined })}`,
    ),
};
