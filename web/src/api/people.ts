// The people register: staff and volunteers to pick as grid leaders and volunteers.
import { queryString, request } from "./client.ts";
import type { Answer, Query, Schemas } from "./types.ts";

export type RegisteredPerson = Schemas["Person"];
export type PeopleFilters = Omit<Query<"/api/people">, "unassigned"> & { unassigned?: boolean };

export const peopleApi = {
  search: ({ unassigned, ...filters }: PeopleFilters) =>
    request<Answer<"/api/people">>(
      "GET",
      `/api/people${queryString({ ...filters, unassigned: unassigned ? "true" : undefined })}`,
    ),
};
