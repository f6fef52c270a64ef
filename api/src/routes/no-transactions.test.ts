// Routes do HTTP only: they parse, call one service and shape the answer. A transaction belongs to
// the service that owns the rule it protects (shared/ARCHITECTURE.md), so no route file opens one.
// The files are read with the TypeScript parser, not a regex: a comment or a string that mentions
// a transaction is no call, and a call split over lines is still found.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const routesDir = path.dirname(fileURLToPath(import.meta.url));

/** Route files that may still open a transaction, each with the reason. None today. */
const allowed: Record<string, string> = {};

/** Where a source opens a transaction: `x.transaction(…)`, or BEGIN / START TRANSACTION in SQL. */
export function transactionsOpened(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node) =>
    `${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === "transaction"
    ) {
      found.push(`${at(node)} ${node.expression.getText(source)}(…)`);
    }
    if (ts.isTaggedTemplateExpression(node)) {
      const sqlText = node.getText(source);
      if (/\b(BEGIN|START\s+TRANSACTION)\b/i.test(sqlText)) found.push(`${at(node)} ${sqlText}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("route files", () => {
  it("the check finds a transaction however it is written, and not in comments", () => {
    const sample = [
      "// orm.transaction(x) in a comment is not a call",
      'const s = "db.orm.transaction(";',
      "await c.var.db.orm",
      "  .transaction((tx) => work(tx));",
      "await tx.execute(sql`BEGIN`);",
    ].join("\n");
    expect(transactionsOpened("sample.ts", sample)).toEqual([
      "sample.ts:3 c.var.db.orm\n  .transaction(…)",
      "sample.ts:5 sql`BEGIN`",
    ]);
  });

  it("open no transaction: the service they call owns it", () => {
    const files = readdirSync(routesDir).filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
    );
    expect(files.length).toBeGreaterThan(20);
    const opened = files
      .filter((f) => !(f in allowed))
      .flatMap((f) => transactionsOpened(f, readFileSync(path.join(routesDir, f), "utf8")));
    expect(opened).toEqual([]);
  });

  it("allow no file that has no transaction left", () => {
    for (const file of Object.keys(allowed)) {
      const text = readFileSync(path.join(routesDir, file), "utf8");
      expect(transactionsOpened(file, text), file).not.toEqual([]);
    }
  });
});
