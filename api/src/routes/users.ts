// /api/users (admins): list, create one, import from XLSX, change or disable an account.
import { z } from "@hono/zod-openapi";
import { userWorkbook } from "../accounts/export-users.ts";
import { createUser, importUsers, updateUser, visibleUser } from "../accounts/manage-users.ts";
import {
  displayNameSchema,
  mobileSchema,
  passwordSchema,
  roleSchema,
  usernameSchema,
} from "../accounts/user-rules.ts";
import { accountsForSheet } from "../accounts/user-sheet.ts";
import { listUsers } from "../accounts/users.ts";
import { roles } from "../db/schema/index.ts";
import { fieldMessage, invalidFields } from "../errors.ts";
import { requirePermission } from "../middleware/session.ts";
import { bodyId, booleanFlag, idPath, oneOf, page } from "./query.ts";
import {
  download,
  errorSchema,
  fileUpload,
  json,
  jsonBody,
  newRouter,
  pageOf,
  routesOf,
  workbookAnswer,
  XLSX,
} from "./router.ts";

const userSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    mobile: z.string().nullable(),
    role: z.enum(roles),
    unitId: z.number().int().nullable(),
    unitName: z.string().nullable(),
    personId: z.number().int().nullable(),
    personName: z.string().nullable(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("User");

const route = routesOf("users", {
  400: "A field is not valid; `fields` names each one",
  403: "Only administrators manage accounts",
});

const visible = visibleUser;
const refId = bodyId.nullable().optional();

export const userRoutes = newRouter();
userRoutes.use("*", requirePermission("users.manage"));
userRoutes
  .openapi(
    route("get", "/", {
      summary: "List accounts",
      request: {
        query: z
          .object({
            limit: page.limit,
            offset: page.offset,
            role: oneOf(roles).optional(),
            disabled: booleanFlag,
            q: z
              .string()
              .max(64, fieldMessage("field.text", { min: 0, max: 64 }))
              .optional(),
          })
          .strict(),
      },
      responses: {
        200: json(z.object({ users: z.array(userSchema), total: z.number().int() }), "Accounts"),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const { rows, total } = await listUsers(c.var.db.orm, c.var.user.cityId, q, pageOf(q));
      return c.json({ users: rows.map(visible), total }, 200);
    },
  )
  .openapi(
    route("post", "/", {
      summary: "Create an account (the user must change the password at first sign-in)",
      request: {
        ...jsonBody(
          z
            .object({
              username: usernameSchema,
              displayName: displayNameSchema,
              mobile: mobileSchema.nullable().optional(),
              role: roleSchema,
              unitId: refId,
              personId: refId,
              password: passwordSchema,
            })
            .strict(),
        ),
      },
      responses: { 201: json(userSchema, "The new account") },
    }),
    async (c) => {
      const user = await createUser(c.var.db.orm, c.var.user, c.req.valid("json"));
      return c.json(visible(user), 201);
    },
  )
  .openapi(
    route("get", "/export.xlsx", {
      summary:
        "Every account as XLSX, in the import's columns (初始密码 left empty): imports back unchanged",
      responses: {
        200: download(XLSX, "Every account as an XLSX workbook"),
      },
    }),
    async (c) => {
      const accounts = await accountsForSheet(c.var.db.orm, c.var.user.cityId);
      return workbookAnswer(c, await userWorkbook(accounts), "users.xlsx", "账号.xlsx");
    },
  )
  .openapi(
    route("post", "/import", {
      summary:
        "Import accounts from an XLSX sheet (用户名, 姓名, 手机号, 角色, 单位, 初始密码): all rows or none",
      request: {
        ...fileUpload,
      },
      responses: {
        201: json(
          z.object({ created: z.number().int(), unchanged: z.number().int() }),
          "How many accounts were created, and how many rows matched an account as it is",
        ),
      },
    }),
    async (c) => {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const file = form.file;

      if (!(file instanceof File)) throw invalidFields({ file: { key: "field.file_xlsx" } });
      const created = await importUsers(c.var.db.orm, c.var.user, await file.arrayBuffer());
      return c.json(created, 201);
    },
  )
  .openapi(
    route("patch", "/{id}", {
      summary:
        "Change an account: name, mobile, role, unit, person, disabled, or reset its password",
      request: {
        params: idPath,
        ...jsonBody(
          z
            .object({
              displayName: displayNameSchema.optional(),
              mobile: mobileSchema.nullable().optional(),
              role: roleSchema.optional(),
              unitId: refId,
              personId: refId,
              disabled: z.boolean({ message: fieldMessage("field.boolean") }).optional(),
              password: passwordSchema.optional(),
            })
            .strict(),
        ),
      },
      responses: {
        200: json(userSchema, "The account as saved"),
        404: json(errorSchema, "No such account"),
        409: json(errorSchema, "It would leave no active administrator"),
      },
    }),
    async (c) => {
      const { id: userId } = c.req.valid("param");
      const user = await updateUser(c.var.db.orm, c.var.user, userId, c.req.valid("json"));
      return c.json(visible(user), 200);
    },
  );
