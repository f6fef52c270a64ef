// Every join of two city tables carries city_id (issue 24): CivGrid distributes its tables by
// city_id (docs/scaling.md), where a join without the city's equality fans out to every shard or
// is refused (an outer join on id only). Statements are parsed by PostgreSQL's own parser
// (libpg-query, the WASM build) and each query block is judged alone:
//
// - its city tables are those of its FROM list and JOINs (UPDATE's target and FROM, DELETE's target
//   and USING), and the city tables of enclosing blocks it refers to (a correlated EXISTS, IN or
//   scalar subquery, a LATERAL subquery); a CTE's name or a subquery's alias is not a table;
// - their city_id columns must all be linked by the equalities ANDed in the block's WHERE and its
//   JOINs' ON (and those of the enclosing blocks): `a.city_id = b.city_id`, both equal to the same
//   parameter or constant, or through other columns; JOIN … USING (city_id) links too. Two
//   different parameters are two values ($1, $2: the text cannot promise they are equal).
//
// No tool we found does this: libpg-query gives the tree, the scoping and the union-find are ours.
import { loadModule, parseSync } from "libpg-query";

/** A query block whose city tables are not all linked by city_id. */
export interface CityJoinViolation {
  statement: string;
  /** The block's first words, to find it in a long statement. */
  block: string;
  /** The city tables (`table alias`) in groups the equalities link; more than one group. */
  groups: string[][];
  /**
   * Set by checkCityRoutes: the city tables whose city_id no equality ties to a value (a
   * parameter or a constant), so that Citus cannot tell which shard the block reads.
   */
  unbound?: string[];
}

type Node = Record<string, any>;

interface Item {
  /** Unique over the statement: blocks nest and reuse aliases. */
  key: string;
  /** The city table's name (a city table is a member), or null for anything else. */
  table: string | null;
  label: string;
}

/** A subquery met in a block, and the block's tables it is joined to by `x IN (…)`. */
interface Child {
  stmt: Node;
  carried: Item[];
  /** `(a, b) IN (SELECT c, d …)` ANDed in: the keys of a and b, equal to c and d. */
  tested?: (string | undefined)[];
}

interface Scope {
  parent: Scope | undefined;
  ctes: Set<string>;
  items: Map<string, Item>;
  links: UnionFind;
  /** The parameters and constants the block's (and enclosing blocks') equalities name. */
  values: string[];
}

/** Sets joined by equalities: each key names a column, a parameter or a constant. */
class UnionFind {
  private readonly parent: Map<string, string>;
  constructor(from?: UnionFind) {
    this.parent = new Map(from?.parent);
  }
  find(key: string): string {
    let root = key;
    for (
      let up = this.parent.get(root);
      up !== undefined && up !== root;
      up = this.parent.get(root)
    )
      root = up;
    this.parent.set(key, root);
    return root;
  }
  union(a: string, b: string) {
    this.parent.set(this.find(a), this.find(b));
  }
}

let loaded: Promise<void> | undefined;
/** Loads the parser's WebAssembly once; call before checkCityJoins. */
export function loadParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

/**
 * The query blocks of `statement` that join city tables (names in `cityTables`) without linking
 * their city_id. A statement the parser refuses is answered as one violation, so nothing slips by.
 */
export function checkCityJoins(
  statement: string,
  cityTables: ReadonlySet<string>,
): CityJoinViolation[] {
  return check(statement, cityTables, false);
}

/**
 * The query blocks of `statement` that read or write a city table without naming its city: a
 * city table whose city_id no equality ties to a parameter or constant (directly, or through the
 * city_id of a table that is tied). On Citus such a block goes to every shard instead of one (a
 * router query). Inserted rows name their city themselves and are not looked at.
 */
export function checkCityRoutes(
  statement: string,
  cityTables: ReadonlySet<string>,
): CityJoinViolation[] {
  return check(statement, cityTables, true);
}

/** Parses the statement and runs one rule over its blocks (an unparsed statement is a violation). */
function check(statement: string, cityTables: ReadonlySet<string>, routes: boolean) {
  let tree: { stmts?: { stmt: Node }[] };
  try {
    tree = parseSync(statement);
  } catch (error) {
    return [{ statement, block: `unparsed: ${(error as Error).message}`, groups: [] }];
  }
  const checker = new Checker(statement, cityTables, routes);
  for (const { stmt } of tree.stmts ?? []) checker.statement(stmt, undefined);
  return checker.violations;
}

class Checker {
  readonly violations: CityJoinViolation[] = [];
  private blocks = 0;
  /** The subqueries ANDed into a WHERE or ON: `x IN (SELECT y …)` there says x = y. */
  private readonly anded = new Set<Node>();

  constructor(
    private readonly text: string,
    private readonly cityTables: ReadonlySet<string>,
    /** Routes instead of joins: every city table's city must be a value (checkCityRoutes). */
    private readonly routes = false,
  ) {}

  /** A statement node in an enclosing scope: SELECT (or a set operation), INSERT, UPDATE, DELETE. */
  statement(node: Node, parent: Scope | undefined, from: Omit<Child, "stmt"> = { carried: [] }) {
    const [kind, body] = Object.entries(node)[0] ?? [];
    if (!body) return;
    if (kind === "SelectStmt" && body.op && body.op !== "SETOP_NONE") {
      const scope = this.withCtes(body.withClause, parent);
      this.statement({ SelectStmt: body.larg }, scope, from);
      this.statement({ SelectStmt: body.rarg }, scope, from);
      return;
    }
    if (kind === "InsertStmt") {
      // The target is written, not joined: its SELECT is a block of its own.
      const scope = this.withCtes(body.withClause, parent);
      if (body.selectStmt) this.statement(body.selectStmt, scope);
      const target = [{ RangeVar: body.relation }];
      this.block(scope, target, [body.onConflictClause, body.returningList], kind);
      return;
    }
    if (kind === "SelectStmt") {
      const scope = this.withCtes(body.withClause, parent);
      const parts = [body.targetList, body.whereClause, body.groupClause, body.havingClause];
      parts.push(body.sortClause, body.valuesLists, body.limitCount, body.limitOffset);
      const tested = from.tested?.map((key, i): [string | undefined, Node | undefined] => [
        key,
        body.targetList?.[i]?.ResTarget?.val,
      ]);
      this.block(scope, body.fromClause ?? [], parts, kind, body.whereClause, from.carried, tested);
    } else if (kind === "UpdateStmt") {
      const scope = this.withCtes(body.withClause, parent);
      const from = [{ RangeVar: body.relation }, ...(body.fromClause ?? [])];
      const parts = [body.targetList, body.whereClause, body.returningList];
      this.block(scope, from, parts, kind, body.whereClause);
    } else if (kind === "DeleteStmt") {
      const scope = this.withCtes(body.withClause, parent);
      const from = [{ RangeVar: body.relation }, ...(body.usingClause ?? [])];
      this.block(scope, from, [body.whereClause, body.returningList], kind, body.whereClause);
    }
    // Anything else (DDL, SET, LISTEN, BEGIN…) joins nothing.
  }

  /** The scope a WITH clause opens: its names hide tables; each CTE's query is a block of its own. */
  private withCtes(withClause: Node | undefined, parent: Scope | undefined): Scope | undefined {
    const ctes: Node[] = withClause?.ctes ?? [];
    if (!ctes.length) return parent;
    const scope: Scope = {
      parent,
      ctes: new Set(ctes.map((c) => c.CommonTableExpr.ctename)),
      items: new Map(),
      links: new UnionFind(parent?.links),
      values: [...(parent?.values ?? [])],
    };
    for (const cte of ctes) this.statement(cte.CommonTableExpr.ctequery, scope);
    return scope;
  }

  /**
   * One query block: `from` are its range items, `parts` its expressions (where subqueries and
   * outer references are looked for), `where` the condition whose ANDed equalities link columns.
   */
  private block(
    parent: Scope | undefined,
    from: Node[],
    parts: unknown[],
    kind: string,
    where?: Node,
    carried: Item[] = [],
    tested: [string | undefined, Node | undefined][] = [],
  ) {
    const id = ++this.blocks;
    const scope: Scope = {
      parent,
      ctes: new Set(),
      items: new Map(),
      links: new UnionFind(parent?.links),
      values: [...(parent?.values ?? [])],
    };
    const quals: Node[] = [];
    const children: Child[] = [];
    const usingLinks: [Item[], Item[]][] = [];
    const addItems = (node: Node): Item[] => {
      if (node.RangeVar) {
        const { relname, schemaname, alias } = node.RangeVar;
        const name: string = alias?.aliasname ?? relname;
        const hidden = !schemaname && this.isCte(scope, relname);
        const city =
          (!schemaname || schemaname === "public") && !hidden && this.cityTables.has(relname);
        const item = {
          key: `b${id}:${name}`,
          table: city ? relname : null,
          label: name === relname ? relname : `${relname} ${name}`,
        };
        scope.items.set(name, item);
        return [item];
      }
      if (node.JoinExpr) {
        const join = node.JoinExpr;
        const left = addItems(join.larg);
        const right = addItems(join.rarg);
        if (join.quals) quals.push(join.quals);
        const using = (join.usingClause ?? []).map((u: Node) => u.String?.sval);
        if (using.includes("city_id")) usingLinks.push([left, right]);
        return [...left, ...right];
      }
      if (node.RangeSubselect) {
        children.push({ stmt: node.RangeSubselect.subquery, carried: [] });
      } else if (node.RangeFunction) {
        parts.push(node.RangeFunction.functions);
      }
      const alias = Object.values(node)[0]?.alias?.aliasname;
      if (alias) scope.items.set(alias, { key: `b${id}:${alias}`, table: null, label: alias });
      return [];
    };
    for (const node of from) addItems(node);
    parts.push(quals);

    const conditions = [where, ...quals].flatMap(conjuncts);
    for (const [a, b] of conditions.flatMap(equality)) {
      const ka = this.term(a, scope);
      const kb = this.term(b, scope);
      if (ka && kb) scope.links.union(ka, kb);
      for (const k of [ka, kb]) if (k && isValue(k)) scope.values.push(k);
    }
    for (const [outer, column] of tested) {
      const inner = column && this.term(column, scope);
      if (outer && inner) scope.links.union(outer, inner);
    }
    for (const c of conditions) if (c.SubLink) this.anded.add(c.SubLink);
    for (const [left, right] of usingLinks) {
      for (const l of left.filter((i) => i.table)) {
        for (const r of right.filter((i) => i.table)) {
          scope.links.union(`${l.key}.city_id`, `${r.key}.city_id`);
        }
      }
    }

    const members = new Map<string, Item>();
    for (const item of [...scope.items.values(), ...carried]) {
      if (item.table) members.set(item.key, item);
    }
    this.walk(parts, scope, members, children);
    if (this.routes) {
      // An INSERT's target is routed by the rows' own city_id.
      const read = kind === "InsertStmt" ? [] : [...members.values()];
      const roots = new Set(scope.values.map((v) => scope.links.find(v)));
      const unbound = read.filter((m) => !roots.has(scope.links.find(`${m.key}.city_id`)));
      if (unbound.length) {
        this.violations.push({
          statement: this.text,
          block: blockWords(this.text, kind, from),
          groups: [],
          unbound: unbound.map((m) => m.label),
        });
      }
    } else if (members.size > 1) {
      const groups = new Map<string, string[]>();
      for (const member of members.values()) {
        const root = scope.links.find(`${member.key}.city_id`);
        groups.set(root, [...(groups.get(root) ?? []), member.label]);
      }
      if (groups.size > 1) {
        this.violations.push({
          statement: this.text,
          block: blockWords(this.text, kind, from),
          groups: [...groups.values()],
        });
      }
    }
    for (const { stmt, ...from } of children) this.statement(stmt, scope, from);
  }

  private isCte(scope: Scope | undefined, name: string): boolean {
    for (let s = scope; s; s = s.parent) if (s.ctes.has(name)) return true;
    return false;
  }

  /**
   * Looks through a block's expressions: a subquery is a block of its own (visited after this
   * one); a column of an enclosing block's city table makes that table one of this block's.
   */
  private walk(node: unknown, scope: Scope, members: Map<string, Item>, children: Child[]) {
    if (Array.isArray(node)) {
      for (const n of node) this.walk(n, scope, members, children);
      return;
    }
    if (!node || typeof node !== "object") return;
    const n = node as Node;
    if (n.SubLink) {
      this.walk(n.SubLink.testexpr, scope, members, children);
      // `p.grid_id IN (SELECT g.id …)` joins p to g: p is one of the subquery's tables.
      const carried = columnRefs(n.SubLink.testexpr)
        .map((ref) => this.resolve(ref, scope)?.item)
        .filter((item): item is Item => Boolean(item?.table));
      const link = n.SubLink;
      const operator = link.operName?.at(-1)?.String?.sval ?? "=";
      const anded = this.anded.has(link) && link.subLinkType === "ANY_SUBLINK" && operator === "=";
      const terms: Node[] = link.testexpr?.RowExpr?.args ?? [link.testexpr];
      const tested = anded ? terms.map((t) => this.term(t, scope)) : undefined;
      children.push({ stmt: link.subselect, carried, ...(tested && { tested }) });
      return;
    }
    if (n.ColumnRef) {
      const item = this.resolve(n.ColumnRef, scope)?.item;
      if (item?.table && !scope.items.has(aliasOf(item))) members.set(item.key, item);
      return;
    }
    for (const value of Object.values(n)) this.walk(value, scope, members, children);
  }

  /** The key of an equality's side: a column, a parameter or a constant; none for anything else. */
  private term(node: Node, scope: Scope): string | undefined {
    if (node.TypeCast) return this.term(node.TypeCast.arg, scope);
    if (node.ParamRef) return `$${node.ParamRef.number}`;
    if (node.A_Const) {
      const { location: _, ...value } = node.A_Const;
      return `const:${JSON.stringify(value)}`;
    }
    if (node.ColumnRef) {
      const found = this.resolve(node.ColumnRef, scope);
      return found && `${found.item?.key ?? "unresolved"}.${found.column}`;
    }
    return undefined;
  }

  /**
   * The range item a column belongs to: `alias.column` looks outwards from the block; a bare
   * column is the block's only city table's (or its only item's), as PostgreSQL would resolve it
   * among tables that all have city_id.
   */
  private resolve(ref: Node, scope: Scope): { item: Item | undefined; column: string } | undefined {
    const names: string[] = (ref.fields ?? []).map((f: Node) => f.String?.sval);
    const column = names.at(-1);
    if (!column) return undefined;
    if (names.length >= 2) {
      const alias = names.at(-2) as string;
      for (let s: Scope | undefined = scope; s; s = s.parent) {
        const item = s.items.get(alias);
        if (item) return { item, column };
      }
      return { item: { key: `unresolved:${alias}`, table: null, label: alias }, column };
    }
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (!s.items.size) continue;
      const items = [...s.items.values()];
      const city = items.filter((i) => i.table);
      const only = city.length === 1 ? city[0] : items.length === 1 ? items[0] : undefined;
      return { item: only, column };
    }
    return undefined;
  }
}

/** A parameter's or a constant's key, as term() makes them. */
function isValue(key: string): boolean {
  return key.startsWith("$") || key.startsWith("const:");
}

/** The column references of an expression, but those inside its subqueries. */
function columnRefs(node: unknown): Node[] {
  if (Array.isArray(node)) return node.flatMap(columnRefs);
  if (!node || typeof node !== "object") return [];
  const n = node as Node;
  if (n.ColumnRef) return [n.ColumnRef];
  if (n.SubLink) return columnRefs(n.SubLink.testexpr);
  return Object.values(n).flatMap(columnRefs);
}

/** The alias an item is known by in its block (the part of its key after the block). */
function aliasOf(item: Item): string {
  return item.key.slice(item.key.indexOf(":") + 1);
}

/** The ANDed conditions of an expression. */
function conjuncts(condition: Node | undefined): Node[] {
  if (!condition) return [];
  if (condition.BoolExpr?.boolop === "AND_EXPR") {
    return (condition.BoolExpr.args as Node[]).flatMap(conjuncts);
  }
  return [condition];
}

/** `a = b` as its two sides; nothing for any other condition. */
function equality(condition: Node): [Node, Node][] {
  const expr = condition.A_Expr;
  const operator = expr?.name?.at(-1)?.String?.sval;
  if (expr?.kind === "AEXPR_OP" && operator === "=" && expr.lexpr && expr.rexpr) {
    return [[expr.lexpr, expr.rexpr]];
  }
  return [];
}

/** "SELECT … problems p JOIN grids g …": the block's kind and the start of its FROM. */
function blockWords(text: string, kind: string, from: Node[]): string {
  const words = kind.replace("Stmt", "").toUpperCase();
  const at = from[0] && locationOf(from[0]);
  if (at === undefined) return words;
  // Locations count bytes of the statement, not characters.
  const snippet = Buffer.from(text)
    .subarray(at, at + 80)
    .toString()
    .replace(/\s+/g, " ");
  return `${words} … ${snippet}…`;
}

/** Where a range item starts: a join tree starts where its leftmost item does. */
function locationOf(node: Node): number | undefined {
  const body = Object.values(node)[0] as Node | undefined;
  if (typeof body?.location === "number") return body.location;
  return body?.larg ? locationOf(body.larg) : undefined;
}
