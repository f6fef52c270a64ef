import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("starts on the embedded database in ./data on port 8080 with the demo city when nothing is set", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: undefined,
      seed: "demo",
      basemapUrl: null,
      basemapCrs: "wgs84",
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it("puts a relative DATA_DIR where the command was typed (pnpm runs the api in api/)", () => {
    const config = loadConfig({ INIT_CWD: "/srv/civgrid", DATA_DIR: "./data" });
    expect(config.dataDir).toBe("/srv/civgrid/data");
    expect(config.filesDir).toBe("/srv/civgrid/data/files");
  });

  it("takes a GCJ-02 basemap (Amap-style tiles), and names any other system as bad", () => {
    expect(loadConfig({ BASEMAP_CRS: "gcj02" }).basemapCrs).toBe("gcj02");
    expect(() => loadConfig({ BASEMAP_CRS: "bd09" })).toThrow(/BASEMAP_CRS/);
  });

  it("takes one or more read replicas, comma-separated, and names a bad one", () => {
    expect(loadConfig({}).readUrls).toEqual([]);
    const config = loadConfig({
      DATABASE_READ_URL: "postgres://r1:5432/civgrid, postgres://r2:5432/civgrid",
    });
    expect(config.readUrls).toEqual(["postgres://r1:5432/civgrid", "postgres://r2:5432/civgrid"]);
    expect(config.replicaMaxLagMs).toBe(5000);
    expect(() => loadConfig({ DATABASE_READ_URL: "postgres://r1/civgrid,replica two" })).toThrow(
      /DATABASE_READ_URL/,
    );
    expect(() => loadConfig({ REPLICA_MAX_LAG_MS: "-1" })).toThrow(/REPLICA_MAX_LAG_MS/);
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(loadConfig({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
  });

  it("names every bad variable", () => {
    expect(() => loadConfig({ PORT: "eighty", SEED: "lots", CITY_CODE: "37" })).toThrow(
      /PORT[\s\S]*CITY_CODE[\s\S]*SEED|PORT[\s\S]*SEED[\s\S]*CITY_CODE/,
    );
  });

  it("backs up daily at 02:30 China time into <DATA_DIR>/../backups, keeping 14, unless told otherwise", () => {
    const config = loadConfig({ INIT_CWD: "/srv/civgrid", DATA_DIR: "./data" });
    expect(config.backup).toEqual({ at: "02:30", dir: "/srv/civgrid/backups", keep: 14 });
    const other = loadConfig({ BACKUP_AT: "off", BACKUP_DIR: "/mnt/usb", BACKUP_KEEP: "3" });
    expect(other.backup).toEqual({ at: null, dir: "/mnt/usb", keep: 3 });
    expect(() => loadConfig({ BACKUP_AT: "25:00", BACKUP_KEEP: "0" })).toThrow(
      /BACKUP_AT[\s\S]*BACKUP_KEEP/,
    );
  });
});
