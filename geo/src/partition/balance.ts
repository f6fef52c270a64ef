// Newton's method on the power diagram's weights, so every region gets its share.
import type { Piece } from "./clip.ts";
import { type Diagram, powerDiagram, type Site } from "./power-cells.ts";

/** What is balanced: per region, the measured amount (m² or summed point weights). */
export type Quantity = (diagram: Diagram, sites: Site[]) => number[];

export const byArea: Quantity = (diagram) => diagram.regions.map((region) => region.area);

export interface BalanceOptions {
  quantity: Quantity;
  /** The amount each region should get. */
  target: number;
  /** Stop once every region is within this share of the target. */
  tolerance: number;
  maxSteps: number;
  /**
   * Where the ordinary step fails, try moving the worst region alone (see balanceWeights); the
   * search turns this off (see cutPiece), the final balancing keeps it.
   */
  rescue?: boolean;
  /** How many times a step that makes things worse is halved before giving up (5 unless set). */
  halvings?: number;
}

export interface Balanced {
  diagram: Diagram;
  /** The largest deviation from the target, as a share of the target. */
  error: number;
}

/**
 * Adjusts the sites' weights (in place) until the regions' amounts match the target, and
 * returns the best diagram seen.
 *
 * Raising w_i by δ moves the border with j by δ / (2|s_i − s_j|), so a region's area changes by
 * Σ_j ℓ_ij (δ_i − δ_j) / (2|s_i − s_j|): a graph Laplacian in the weights (ℓ_ij = border length).
 * Each step solves that system for the wanted change of area (amount deficit ÷ the region's
 * density) by conjugate gradients, and halves the step while it does not reduce the error.
 */
export function balanceWeights(
  subject: Piece,
  sites: Site[],
  areaSlope: number,
  options: BalanceOptions,
): Balanced {
  const { quantity, target } = options;
  const evaluate = (trial: Site[]) => {
    const diagram = powerDiagram(subject, trial, areaSlope);
    const amounts = quantity(diagram, trial);
    const error = Math.max(...amounts.map((a) => Math.abs(a - target))) / target;
    return { diagram, amounts, error };
  };
  let best = evaluate(sites);
  for (let step = 0; step < options.maxSteps && best.error > options.tolerance; step++) {
    const areas = best.diagram.regions.map((region) => region.area);
    const wanted = best.amounts.map((amount, i) => {
      const density =
        amount > 0 && (areas[i] ?? 0) > 0
          ? amount / (areas[i] ?? 1)
          : meanDensity(best.amounts, areas);
      return (target - amount) / density;
    });
    const matrix = laplacian(best.diagram, sites);
    // Where cells have fallen apart, fragments change hands as borders move, which the border
    // graph does not see, and the step can make things worse at any length. Then the worst
    // region alone is moved (by its own diagonal term): only it and its neighbours feel that.
    const worst = worstOf(best.amounts, target);
    const alone = sites.map((_, i) => (i === worst ? (wanted[i] ?? 0) / (matrix[i]?.[i] ?? 1) : 0));
    let improved = false;
    const deltas =
      options.rescue === false
        ? [solveLaplacian(matrix, wanted)]
        : [solveLaplacian(matrix, wanted), alone];
    for (const delta of deltas) {
      const least = 0.5 ** (options.halvings ?? 5);
      for (let scale = 1; scale >= least && !improved; scale /= 2) {
        const trial = sites.map((site, i) => ({ ...site, w: site.w + scale * (delta[i] ?? 0) }));
        const attempt = evaluate(trial);
        if (attempt.error < best.error) {
          best = attempt;
          trial.forEach((site, i) => {
            Object.assign(sites[i] as Site, site);
          });
          improved = true;
        }
      }
      if (improved) break;
    }
    if (!improved) break;
  }
  return best;
}

function worstOf(amounts: number[], target: number): number {
  let worst = 0;
  amounts.forEach((amount, i) => {
    if (Math.abs(amount - target) > Math.abs((amounts[worst] ?? 0) - target)) worst = i;
  });
  return worst;
}

function meanDensity(amounts: number[], areas: number[]): number {
  const total = areas.reduce((sum, a) => sum + a, 0);
  return total > 0 ? amounts.reduce((sum, a) => sum + a, 0) / total || 1 : 1;
}

/** Dense Laplacian of the border graph; a region with no borders keeps a unit diagonal. */
function laplacian(diagram: Diagram, sites: Site[]): Float64Array[] {
  const n = sites.length;
  const matrix = sites.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const length =
        ((diagram.borders.get(i * n + j) ?? 0) + (diagram.borders.get(j * n + i) ?? 0)) / 2;
      if (length === 0) continue;
      const [a, b] = [sites[i] as Site, sites[j] as Site];
      const h = length / (2 * Math.hypot(a.x - b.x, a.y - b.y));
      const [ri, rj] = [matrix[i] as Float64Array, matrix[j] as Float64Array];
      ri[j] = (ri[j] ?? 0) - h;
      rj[i] = (rj[i] ?? 0) - h;
      ri[i] = (ri[i] ?? 0) + h;
      rj[j] = (rj[j] ?? 0) + h;
    }
  }
  matrix.forEach((row, i) => {
    if (row[i] === 0) row[i] = 1;
  });
  return matrix;
}

/**
 * Conjugate gradients for L x = b. L is singular (adding a constant to every weight changes
 * nothing), so b is made to sum to zero and a tiny ridge keeps the iteration well posed.
 */
function solveLaplacian(matrix: Float64Array[], wanted: number[]): number[] {
  const n = wanted.length;
  const mean = wanted.reduce((s, v) => s + v, 0) / n;
  const b = wanted.map((v) => v - mean);
  const ridge = 1e-9 * Math.max(...matrix.map((row, i) => row[i] ?? 0));
  // Plain loops (this is n² per iteration, up to 4n iterations per Newton step).
  const apply = (v: number[]) => {
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const row = matrix[i] as Float64Array;
      let s = 0;
      for (let j = 0; j < n; j++) s += (row[j] as number) * (v[j] ?? 0);
      out[i] = s + ridge * (v[i] ?? 0);
    }
    return out;
  };
  const x = new Array<number>(n).fill(0);
  let r = [...b];
  let p = [...r];
  let rr = dot(r, r);
  const stop = 1e-20 * Math.max(rr, 1e-300);
  for (let k = 0; k < 4 * n && rr > stop; k++) {
    const ap = apply(p);
    const alpha = rr / dot(p, ap);
    for (let i = 0; i < n; i++) x[i] = (x[i] ?? 0) + alpha * (p[i] ?? 0);
    r = r.map((v, i) => v - alpha * (ap[i] ?? 0));
    const next = dot(r, r);
    p = r.map((v, i) => v + (next / rr) * (p[i] ?? 0));
    rr = next;
  }
  return x;
}

function dot(a: number[], b: number[]): number {
  return a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);
}
