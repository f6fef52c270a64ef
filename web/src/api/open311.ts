// The public Open311 GeoReport v2 calls a citizen's report page makes: no session, and errors
// come back as GeoReport's array of {code, description}.
import i18n from "../i18n.ts";
import { ApiError } from "./client.ts";
import type { Schemas } from "./types.ts";

/** A kind of problem a citizen can report: an item of the active standard, grouped by category. */
export type Service = Schemas["Open311Services"][number];
/** A request as GeoReport lists it (every field but its id is optional in the spec). */
export type ServiceRequest = Schemas["Open311ServiceRequest"][number];
/** GeoReport's answer to a filed request: its id and a notice for the citizen. */
export type FiledRequest = Schemas["Open311Filed"][number];

export interface NewServiceRequest {
  service_code: string;
  lat: number;
  long: number;
  description: string;
  first_name?: string;
  phone?: string;
  /** GeoReport's optional `media`: a photo of the problem, sent as multipart. */
  media?: File;
}

async function open311<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/open311/v2${path}`, {
      ...init,
      headers: { Accept: "application/json", "Accept-Language": i18n.language, ...init.headers },
    });
  } catch {
    throw new ApiError(0, "network", i18n.t("error.network"));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const first = Array.isArray(body) ? (body[0] as { description?: string }) : undefined;
    throw new ApiError(
      response.status,
      "open311",
      first?.description ?? i18n.t("error.http", { status: response.status }),
    );
  }
  return body as T;
}

export const open311Api = {
  services: () => open311<Service[]>("/services.json"),
  /** GeoReport posts form fields, not JSON: form-encoded, or multipart when a photo comes along. */
  file: async ({ media, ...report }: NewServiceRequest) => {
    const fields = media ? new FormData() : new URLSearchParams();
    for (const [name, value] of Object.entries(report))
      if (value !== undefined && value !== "") fields.set(name, String(value));
    if (media && fields instanceof FormData) fields.set("media", media, media.name);
    const [filed] = await open311<FiledRequest[]>("/requests.json", {
      method: "POST",
      body: fields,
    });
    if (!filed) throw new ApiError(500, "open311", i18n.t("error.http", { status: 500 }));
    return filed;
  },
  request: async (id: string) => (await open311<ServiceRequest[]>(`/requests/${id}.json`))[0],
};
