// A prefecture-size city for benchmarks, written straight into an empty city by set-based SQL
// (generate_series, one INSERT … SELECT per table): communities in a 20 × 15 block pattern, each
// cut into 16 or 17 grid strips, units, grid leaders and volunteers, and problems. Deterministic
// (setseed). Problems are routed to grids afterwards by the caller's one spatial join.

export interface CitySize {
  communities: number;
  grids: number;
  units: number;
  volunteers: number;
  problems: number;
}

export const PREFECTURE: CitySize = {
  communities: 300,
  grids: 5000,
  units: 1000,
  volunteers: 20_000,
  problems: 1_000_000,
};

/** Runs one SQL statement (the generator's SQL holds only numbers it made itself). */
export type RunSql = (statement: string) => Promise<unknown>;

/** The generated city spans 0.6° × 0.45° (about 55 km × 50 km) around Tengzhou's centre. */
export const AREA = { west: 116.86, south: 34.855, east: 117.46, north: 35.305 };

const COLUMNS = 20;

export async function generateCity(
  run: RunSql,
  cityId: number,
  size: CitySize,
  progress: (step: string, done: number, of: number) => void = () => {},
) {
  const steps = 6;
  const { west, south, east, north } = AREA;
  const rows = Math.ceil(size.communities / COLUMNS);
  const cw = (east - west) / COLUMNS;
  const ch = (north - south) / rows;
  // Grid strips per community: the first (grids mod communities) get one more.
  const base = Math.floor(size.grids / size.communities);
  const extra = size.grids % size.communities;
  await run("SELECT setseed(0.2026)");

  progress("streets and communities", 0, steps);
  await run(`INSERT INTO regions (city_id, parent_id, level, code, name)
    SELECT ${cityId}, NULL, 'street', '370481' || lpad((500 + s)::text, 3, '0'), '生成街道' || s
    FROM generate_series(0, ${Math.ceil(size.communities / 10) - 1}) s`);
  await run(`INSERT INTO communities (city_id, street_id, code, name, geom)
    SELECT ${cityId}, r.id, r.code || lpad((k % 10 + 1)::text, 3, '0'), '生成社区' || k,
      ST_Multi(ST_MakeEnvelope(${west} + (k % ${COLUMNS}) * ${cw}, ${south} + (k / ${COLUMNS}) * ${ch},
        ${west} + (k % ${COLUMNS} + 1) * ${cw}, ${south} + (k / ${COLUMNS} + 1) * ${ch}, 4326))
    FROM generate_series(0, ${size.communities - 1}) k
    JOIN regions r ON r.city_id = ${cityId} AND r.code = '370481' || lpad((500 + k / 10)::text, 3, '0')`);

  progress("grids", 1, steps);
  await run(`INSERT INTO grids (city_id, community_id, code, name, geom)
    SELECT ${cityId}, c.id, c.code || lpad((s + 1)::text, 3, '0'), c.name || '第' || (s + 1) || '网格',
      ST_Multi(ST_MakeEnvelope(ST_XMin(c.geom) + s * (ST_XMax(c.geom) - ST_XMin(c.geom)) / n.strips, ST_YMin(c.geom),
        ST_XMin(c.geom) + (s + 1) * (ST_XMax(c.geom) - ST_XMin(c.geom)) / n.strips, ST_YMax(c.geom), 4326))
    FROM (SELECT id, code, name, geom, row_number() OVER (ORDER BY id) - 1 AS k
          FROM communities WHERE city_id = ${cityId}) c
    CROSS JOIN LATERAL (SELECT ${base} + (c.k < ${extra})::int AS strips) n
    CROSS JOIN LATERAL generate_series(0, n.strips - 1) s`);

  progress("units", 2, steps);
  await run(`INSERT INTO units (city_id, name, short_name, kind, location)
    SELECT ${cityId}, '生成医院' || lpad(u::text, 4, '0'), '医院' || u,
      (ARRAY['public_hospital', 'private_hospital', 'community_health_centre'])[1 + u % 3],
      ST_SetSRID(ST_MakePoint(${west} + random() * ${east - west}, ${south} + random() * ${north - south}), 4326)
    FROM generate_series(1, ${size.units}) u`);
  await run(`INSERT INTO grid_units (city_id, grid_id, unit_id, role)
    SELECT ${cityId}, g.id, u.id, 'lead'
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM grids WHERE city_id = ${cityId}) g
    JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM units WHERE city_id = ${cityId}) u
      ON u.n = 1 + g.n % ${size.units}`);

  progress("volunteers", 3, steps);
  await run(`INSERT INTO people (city_id, name, mobile)
    SELECT ${cityId}, '志愿者' || v, '139' || lpad(v::text, 8, '0')
    FROM generate_series(1, ${size.volunteers}) v`);
  // Each grid gets its share of the volunteers; the first of them leads the grid.
  await run(`INSERT INTO grid_people (city_id, grid_id, person_id, role)
    SELECT ${cityId}, g.id, p.id, CASE WHEN p.n <= ${size.grids} THEN 'leader' ELSE 'volunteer' END
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM people WHERE city_id = ${cityId}) p
    JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM grids WHERE city_id = ${cityId}) g
      ON g.n = 1 + (p.n - 1) % ${size.grids}`);

  progress("problems", 4, steps);
  const batch = 100_000;
  for (let from = 0; from < size.problems; from += batch) {
    await insertProblems(run, cityId, from + 1, Math.min(from + batch, size.problems));
    progress(`problems ${Math.min(from + batch, size.problems).toLocaleString("en")}`, 4, steps);
  }
  // A bulk load: the planner's statistics before the first read (PGlite has no autovacuum, and a
  // server's would come minutes later); the caller's routing of the problems keeps their number.
  progress("statistics (ANALYZE)", 5, steps);
  await run("ANALYZE");
  progress("done", steps, steps);
}

/** Problems numbered from…to: 60% spread over the city, 40% around 60 hotspots; unrouted. */
export async function insertProblems(run: RunSql, cityId: number, from: number, to: number) {
  const { west, south, east, north } = AREA;
  await run(`INSERT INTO problems (city_id, source, status, description, location, deduction, deadline, reported_at)
    SELECT ${cityId}, (ARRAY['inspection', 'patrol', 'citizen'])[1 + n % 3],
      (ARRAY['reported', 'dispatched', 'rectifying', 'submitted', 'closed', 'closed', 'closed'])[1 + n % 7],
      '生成问题', ST_SetSRID(ST_MakePoint(
        CASE WHEN n % 10 < 4 THEN ${west} + ((n % 60) * 0.61803 % 1) * ${east - west} + (random() - 0.5) * 0.02
          ELSE ${west} + random() * ${east - west} END,
        CASE WHEN n % 10 < 4 THEN ${south} + ((n % 60) * 0.41421 % 1) * ${north - south} + (random() - 0.5) * 0.02
          ELSE ${south} + random() * ${north - south} END), 4326),
      round((0.5 + random() * 2.5)::numeric, 1),
      CASE WHEN n % 7 <> 0 THEN t.at + interval '7 days' END, t.at -- reported ones have no deadline yet
    FROM generate_series(${from}, ${to}) n
    CROSS JOIN LATERAL (SELECT now() - random() * interval '60 days' AS at) t`);
}
