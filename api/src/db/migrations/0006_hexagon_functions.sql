-- Hexagon cells for the leaders' map: flat-topped hexagons laid on Web Mercator (EPSG:3857) metres,
-- `size` metres from centre to corner. The cell of a point is worked out here, in SQL, so both
-- engines give the same answer; problems keep one cell per zoom band in generated columns.
-- A cell is one bigint: (q + 2^20) * 2^21 + (r + 2^20), q and r its axial coordinates.
-- Mercator by its formula rather than ST_Transform: no projection database needed, same numbers.
CREATE OR REPLACE FUNCTION civgrid_hex_cell(location geometry, size float8) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  lat float8 := greatest(-85.0, least(85.0, ST_Y(location)));
  x float8 := 6378137.0 * radians(ST_X(location));
  y float8 := 6378137.0 * ln(tan(pi() / 4 + radians(lat) / 2));
  fq float8 := (2.0 / 3.0 * x) / size;
  fr float8 := (-x / 3.0 + sqrt(3.0) / 3.0 * y) / size;
  fs float8 := -fq - fr;
  q float8 := round(fq);
  r float8 := round(fr);
  s float8 := round(fs);
  dq float8 := abs(q - fq);
  dr float8 := abs(r - fr);
  ds float8 := abs(s - fs);
BEGIN
  -- Cube rounding: the coordinate that moved most is recomputed from the other two.
  IF dq > dr AND dq > ds THEN
    q := -r - s;
  ELSIF dr > ds THEN
    r := -q - s;
  END IF;
  RETURN (q::bigint + 1048576) * 2097152 + (r::bigint + 1048576);
END;
$$;
--> statement-breakpoint
-- The centre of a cell in Web Mercator metres (SRID 3857), for clustering cells by distance.
CREATE OR REPLACE FUNCTION civgrid_hex_centre(cell bigint, size float8) RETURNS geometry
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  q float8 := (cell / 2097152) - 1048576;
  r float8 := (cell % 2097152) - 1048576;
BEGIN
  RETURN ST_SetSRID(ST_MakePoint(size * 1.5 * q, size * sqrt(3.0) * (r + q / 2)), 3857);
END;
$$;
--> statement-breakpoint
-- The hexagon of a cell in WGS84: its six corners taken back from Mercator.
CREATE OR REPLACE FUNCTION civgrid_hex_polygon(cell bigint, size float8) RETURNS geometry
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  centre geometry := civgrid_hex_centre(cell, size);
  corners geometry[] := ARRAY[]::geometry[];
  angle float8;
BEGIN
  FOR i IN 0..6 LOOP
    angle := radians(60.0 * (i % 6));
    corners := corners || ST_MakePoint(
      degrees((ST_X(centre) + size * cos(angle)) / 6378137.0),
      degrees(2 * atan(exp((ST_Y(centre) + size * sin(angle)) / 6378137.0)) - pi() / 2));
  END LOOP;
  RETURN ST_SetSRID(ST_MakePolygon(ST_MakeLine(corners)), 4326);
END;
$$;
