// Every environment variable CivGrid reads, read here once and validated.
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";
import type { ChannelDefaults } from "./notifications/channels.ts";
import { DEFAULT_TILE_CACHE_MB } from "./tiles/cache.ts";

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default("0.0.0.0"),
  /** Unset → embedded PGlite + PostGIS in DATA_DIR; set → a PostgreSQL + PostGIS server. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * Optional read replicas (streaming standbys of DATABASE_URL), comma-separated: tiles, OGC, the
   * leaders' analytics and exports read from them (issue 20). Server engine only.
   */
  DATABASE_READ_URL: z
    .string()
    .refine(
      (v) => v.split(",").every((u) => URL.canParse(u.trim())),
      "must be one or more database URLs, comma-separated",
    )
    .optional(),
  /** A replica further behind the primary than this is skipped until it catches up. */
  REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  /** How often the unused-file sweep runs, once across all processes. */
  ORPHAN_SWEEP_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .default(3600),
  DATA_DIR: z.string().default("./data"),
  /** "demo" loads the Tengzhou demo city into an empty database; "none" starts empty. */
  SEED: z.enum(["demo", "none"]).default("demo"),
  /** The city a database without demo data is created for (GB/T 2260 code and name). */
  CITY_CODE: z
    .string()
    .regex(/^\d{6}$/, "must be a 6-digit GB/T 2260 code")
    .default("370481"),
  CITY_NAME: z.string().min(1).default("滕州市"),
  /** Comma-separated Open311 api_keys; when set, filing a request through /open311 needs one. */
  OPEN311_API_KEYS: z.string().optional(),
  /** How long a sign-in lasts, in hours. */
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Optional raster basemap tile template, e.g. https://tile.example/{z}/{x}/{y}.png */
  BASEMAP_URL: z.string().optional(),
  /** The basemap's coordinate system: gcj02 for Amap/Tencent-style tiles; phones' WGS84 is shifted onto it. */
  BASEMAP_CRS: z.enum(["wgs84", "gcj02"]).default("wgs84"),
  /** An offline vector basemap (.pmtiles) on this server's disk; the administrator can upload one instead. */
  BASEMAP_PMTILES: z.string().optional(),
  /** Largest PMTiles upload, in MB. */
  PMTILES_MAX_MB: z.coerce.number().int().min(1).max(65_536).default(2048),
  /**
   * The web map draws a layer (grids, points, problems) from vector tiles once it holds more
   * features than this, and downloads it whole as GeoJSON otherwise (README: web map benchmark).
   */
  MAP_TILES_ABOVE: z.coerce.number().int().min(0).default(2000),
  /** Where the built web app lives; served at / when present. */
  WEB_DIST: z.string().optional(),
  /** Where uploaded photos are kept, by content hash; default <DATA_DIR>/files. */
  FILES_DIR: z.string().optional(),
  /** Largest photo upload, in MB. */
  PHOTO_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
  /** Largest document upload (materials, task evidence: PDF, Office), in MB. */
  FILE_MAX_MB: z.coerce.number().int().min(1).max(500).default(20),
  /** Memory for drawn vector tiles, in MB (an LRU cache keyed by data version); 0 turns it off. */
  TILE_CACHE_MB: z.coerce.number().int().min(0).max(65_536).default(DEFAULT_TILE_CACHE_MB),
  /**
   * Security (issue 16): the reverse proxies whose X-Forwarded-For/-Proto are believed, comma
   * separated: addresses, CIDR ranges, or loopback / linklocal / uniquelocal. Unset: none.
   */
  TRUST_PROXY: z
    .string()
    .refine(
      (v) => v.split(",").every((p) => isProxyEntry(p.trim())),
      "must be addresses, CIDR ranges or loopback/linklocal/uniquelocal, comma separated",
    )
    .optional(),
  // Notification channels (issue 17), used while the administrator has not set them in the UI.
  NOTIFY_WECOM_WEBHOOK: z.string().url().optional(),
  NOTIFY_DINGTALK_WEBHOOK: z.string().url().optional(),
  NOTIFY_DINGTALK_SECRET: z.string().optional(),
  /** smtp(s)://user:pass@host:port, or the parts in NOTIFY_SMTP_HOST/PORT/USER/PASS. */
  NOTIFY_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  NOTIFY_SMTP_HOST: z.string().optional(),
  NOTIFY_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  NOTIFY_SMTP_USER: z.string().optional(),
  NOTIFY_SMTP_PASS: z.string().optional(),
  NOTIFY_SMTP_FROM: z.string().email().optional(),
  /** Aliyun SMS: AccessKey, signature name and a template with one variable ${content}. */
  NOTIFY_SMS_ACCESS_KEY_ID: z.string().optional(),
  NOTIFY_SMS_ACCESS_KEY_SECRET: z.string().optional(),
  NOTIFY_SMS_SIGN_NAME: z.string().optional(),
  NOTIFY_SMS_TEMPLATE_CODE: z.string().optional(),
  NOTIFY_SMS_ENDPOINT: z.string().url().optional(),
  /** How often the notification worker looks for due deliveries, in seconds. */
  NOTIFY_EVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** Backups (issue 21): the daily backup's time of day in China time, HH:MM; "off" turns it off. */
  BACKUP_AT: z
    .string()
    .regex(/^(([01]\d|2[0-3]):[0-5]\d|off)$/, "must be HH:MM (China time) or off")
    .default("02:30"),
  /** Where archives are written; default <DATA_DIR>/../backups (beside the data, not inside it). */
  BACKUP_DIR: z.string().optional(),
  /** How many archives are kept; older ones are deleted after each backup. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(14),
});

const proxyNames = ["loopback", "linklocal", "uniquelocal"];
/** The items of a comma-separated setting, trimmed; none when it is unset or empty. */
function commaList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

function isProxyEntry(entry: string): boolean {
  if (proxyNames.includes(entry)) return true;
  const [address = "", bits, extra] = entry.split("/");
  if (extra !== undefined || (bits !== undefined && !/^\d{1,3}$/.test(bits))) return false;
  return isIP(address) !== 0;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Read replicas (DATABASE_READ_URL); none when unset. */
  readUrls: string[];
  replicaMaxLagMs: number;
  orphanSweepSeconds: number;
  dataDir: string;
  seed: "demo" | "none";
  city: { code: string; name: string };
  basemapUrl: string | null;
  basemapCrs: "wgs84" | "gcj02";
  basemapPmtiles: string | null;
  pmtilesMaxMb: number;
  mapTilesAbove: number;
  sessionHours: number;
  open311ApiKeys: string[];

  webDist: string;
  filesDir: string;
  photoMaxMb: number;
  fileMaxMb: number;
  tileCacheMb: number;
  trustProxy: string[];
  /** Channel settings from NOTIFY_* (each only when complete), and the worker's period. */
  notify: { channels: ChannelDefaults; everySeconds: number };
  /** Daily backups: time of day in China time (null: off), folder, how many to keep. */
  backup: { at: string | null; dir: string; keep: number };
}

/**
 * CIVGRID_SQL_LOG (for tests): a folder where every database handle of the process logs each
 * distinct statement it sends (db/query-log.ts). Read apart from loadConfig because the tests open
 * their databases without a Config (openDb reads it for every handle); unset, nothing is logged.
 */
export function sqlLogFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const folder = env.CIVGRID_SQL_LOG;
  return folder ? path.resolve(folder) : undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, so `DATABASE_URL= pnpm start` means "embedded".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    readUrls: commaList(c.DATABASE_READ_URL),
    replicaMaxLagMs: c.REPLICA_MAX_LAG_MS,
    orphanSweepSeconds: c.ORPHAN_SWEEP_SECONDS,
    // pnpm runs the api in api/; a relative DATA_DIR means where the user typed the command.
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), c.DATA_DIR),

    seed: c.SEED,
    city: { code: c.CITY_CODE, name: c.CITY_NAME },
    basemapUrl: c.BASEMAP_URL ?? null,
    basemapCrs: c.BASEMAP_CRS,
    basemapPmtiles: c.BASEMAP_PMTILES ? path.resolve(c.BASEMAP_PMTILES) : null,
    pmtilesMaxMb: c.PMTILES_MAX_MB,
    mapTilesAbove: c.MAP_TILES_ABOVE,
    sessionHours: c.SESSION_HOURS,
    open311ApiKeys: commaList(c.OPEN311_API_KEYS),
    webDist: path.resolve(c.WEB_DIST ?? new URL("../../web/dist", import.meta.url).pathname),
    filesDir: path.resolve(
      env.INIT_CWD ?? process.cwd(),
      c.FILES_DIR ?? path.join(c.DATA_DIR, "files"),
    ),

    photoMaxMb: c.PHOTO_MAX_MB,
    fileMaxMb: c.FILE_MAX_MB,
    tileCacheMb: c.TILE_CACHE_MB,
    trustProxy: commaList(c.TRUST_PROXY),
    notify: { channels: notifyChannels(c), everySeconds: c.NOTIFY_EVERY_SECONDS },
    backup: {
      at: c.BACKUP_AT === "off" ? null : c.BACKUP_AT,
      dir: path.resolve(
        env.INIT_CWD ?? process.cwd(),
        c.BACKUP_DIR ?? path.join(c.DATA_DIR, "..", "backups"),
      ),
      keep: c.BACKUP_KEEP,
    },
  };
}

function notifyChannels(c: z.infer<typeof schema>): ChannelDefaults {
  const smtp = c.NOTIFY_SMTP_URL || c.NOTIFY_SMTP_HOST;
  return {
    ...(c.NOTIFY_WECOM_WEBHOOK && { wecom: { webhook: c.NOTIFY_WECOM_WEBHOOK } }),
    ...(c.NOTIFY_DINGTALK_WEBHOOK && {
      dingtalk: { webhook: c.NOTIFY_DINGTALK_WEBHOOK, secret: c.NOTIFY_DINGTALK_SECRET },
    }),
    ...(smtp &&
      c.NOTIFY_SMTP_FROM && {
        email: {
          url: c.NOTIFY_SMTP_URL,
          host: c.NOTIFY_SMTP_HOST,
          port: c.NOTIFY_SMTP_PORT,
          user: c.NOTIFY_SMTP_USER,
          pass: c.NOTIFY_SMTP_PASS,
          from: c.NOTIFY_SMTP_FROM,
        },
      }),
    ...(c.NOTIFY_SMS_ACCESS_KEY_ID &&
      c.NOTIFY_SMS_ACCESS_KEY_SECRET &&
      c.NOTIFY_SMS_SIGN_NAME &&
      c.NOTIFY_SMS_TEMPLATE_CODE && {
        sms: {
          provider: "aliyun" as const,
          endpoint: c.NOTIFY_SMS_ENDPOINT,
          accessKeyId: c.NOTIFY_SMS_ACCESS_KEY_ID,
          accessKeySecret: c.NOTIFY_SMS_ACCESS_KEY_SECRET,
          signName: c.NOTIFY_SMS_SIGN_NAME,
          templateCode: c.NOTIFY_SMS_TEMPLATE_CODE,
        },
      }),
  };
}
