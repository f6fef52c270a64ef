// The shapes the API answers with (see the API contract); English names, as in the database.
import type { ProblemStatus, RectificationAction } from "@civgrid/geo";
import type { Feature, FeatureCollection, MultiPolygon, Point } from "geojson";

/** A list answer: a GeoJSON FeatureCollection with OGC-style paging. */
export interface Collection<G extends MultiPolygon | Point, P> extends FeatureCollection<G, P> {
  features: Array<Feature<G, P> & { id: number }>;
  numberMatched: number;
  numberReturned: number;
  links?: Array<{ rel: "next" | "prev"; href: string }>;
}

export interface City {
  code: string;
  name: string;
}

export interface AppConfig {
  basemapUrl: string | null;
  /** The basemap's coordinate system: GCJ-02 for Amap-style tiles; WGS84 when absent. */
  basemapCrs?: "wgs84" | "gcj02";
  /** A map layer with more features than this is drawn from /tiles rather than downloaded whole. */
  mapTilesAbove: number;
  city: City;
}

export type RegionLevel = "city" | "district" | "street";
export interface RegionProperties {
  id: number;
  code: string;
  name: string;
  level: RegionLevel;
}

export interface CommunityProperties {
  id: number;
  code: string;
  name: string;
  streetName: string;
  areaM2: number;
  gridCount: number;
}

export interface GridProperties {
  id: number;
  code: string;
  name: string;
  communityId: number;
  communityName: string;
  areaM2: number;
  version: number;
  leadUnitId: number | null;
  leadUnitName: string | null;
  leadUnitShortName: string | null;
  supportUnitCount: number;
  leaderName: string | null;
  volunteerCount: number;
}

export interface UnitRef {
  id: number;
  name: string;
  shortName: string;
}

export interface Person {
  id: number;
  name: string;
  mobile: string;
}

export interface GridDetailProperties extends GridProperties {
  leadUnit: UnitRef | null;
  supportUnits: UnitRef[];
  leader: Person | null;
  volunteers: Person[];
}

export type UnitKind =
  | "public_hospital"
  | "private_hospital"
  | "out_of_town_hospital"
  | "cdc"
  | "health_supervision"
  | "community_health_centre"
  | "bureau";

export interface UnitProperties {
  id: number;
  name: string;
  shortName: string;
  kind: UnitKind;
  address: string;
  phone: string;
  /** Leads a grid the user may read (coloured on the map, listed in the legend). */
  leadsGrids: boolean;
}

export type ResponsibleDuty = "head" | "deputy" | "department_head" | "platform_admin";

export interface UnitDetailProperties extends UnitProperties {
  responsible: Array<{ duty: ResponsibleDuty; name: string; mobile: string; title: string }>;
  grids: Array<{ id: number; code: string; role: "lead" | "support" }>;
}

export type PointKind =
  | "hospital_entrance"
  | "waiting_hall"
  | "hospital_window"
  | "street"
  | "stairwell"
  | "garbage_point"
  | "notice_board"
  | "public_toilet"
  | "market";

export interface InspectionPointProperties {
  id: number;
  name: string;
  kind: PointKind;
  gridId: number | null;
  gridCode: string | null;
  unitId: number | null;
}

// The loop's statuses and steps are written once, in geo/ (the API enforces the same table).
export type { ProblemStatus, RectificationAction };

export type ProblemSource = "inspection" | "patrol" | "citizen";

export interface ProblemProperties {
  id: number;
  status: ProblemStatus;
  /** Named by every step, so that of two people acting at once only one wins. */
  version: number;
  severity: string;
  source: ProblemSource;
  description: string;
  gridId: number | null;
  gridCode: string | null;
  unitId: number | null;
  unitName: string | null;
  itemCode: string | null;
  itemTitle: string | null;
  deduction: number;
  deadline: string | null;
  overdue: boolean;
  /** Waiting for dispatch (reported or sent back) since then; null once dispatched. */
  awaitingSince?: string | null;
  /** Closed as a second report of this problem. */
  duplicateOf?: number | null;
  reportedAt: string;
  closedAt: string | null;
  /** No grid contains the place: the nearest grid's unit was chosen; a coordinator should check. */
  routedToNearest?: boolean;
}

export interface RectificationEvent {
  seq: number;
  action: RectificationAction;
  fromStatus: ProblemStatus | null;
  toStatus: ProblemStatus | null;
  actorName: string | null;
  note: string | null;
  reason: string | null;
  /** The unit a dispatch sent it to, and the deadline the step set. */
  unitName?: string | null;
  deadline?: string | null;
  at: string;
}

/** An escalation (督办) of an overdue problem: the level reached, how late it was, when. */
export interface ProblemEscalation {
  level: number;
  workingDaysOverdue: number;
  at: string;
}

/** A photo of a problem: as found ("before") or as rectified ("after", with the step it came with). */
export interface ProblemPhoto {
  fileId: number;
  phase: "before" | "after";
  eventSeq: number | null;
  url: string;
  thumbnailUrl: string;
}

export interface ProblemDetailProperties extends ProblemProperties {
  events: RectificationEvent[];
  photos: ProblemPhoto[];
  /** Problems closed as second reports of this one. */
  duplicates?: number[];
  /** Each escalation (督办), oldest first. */
  escalations?: ProblemEscalation[];
  /** A unit's request for more time, waiting for the coordinator's answer. */
  extensionRequest: { days: number; reason: string | null } | null;
  /** When a problem on the ledger (挂账) is to be looked at again, YYYY-MM-DD. */
  reviewOn: string | null;
  /** A citizen reporter's mobile number: for the staff who call back, null for anyone else. */
  reporterPhone: string | null;
}

export type RegionCollection = Collection<MultiPolygon, RegionProperties>;
export type CommunityCollection = Collection<MultiPolygon, CommunityProperties>;
export type GridCollection = Collection<MultiPolygon, GridProperties>;
export type UnitCollection = Collection<Point, UnitProperties>;
export type InspectionPointCollection = Collection<Point, InspectionPointProperties>;
export type ProblemCollection = Collection<Point, ProblemProperties>;

export type GridDetail = Feature<MultiPolygon, GridDetailProperties>;
export type UnitDetail = Feature<Point, UnitDetailProperties>;
export type ProblemDetail = Feature<Point, ProblemDetailProperties>;
