// An audit entry as a sentence a person reads, e.g. "2026-12-03 10:15 创城办 张三 将问题 #42 派发给
// 中心人民医院": when (China time), who (role and name), what was done to which record.
import { chinaDateTime } from "@civgrid/geo";
import { isMessageKey, type Lang, type MessageKey, translate } from "../messages.ts";

export interface AuditFacts {
  at: string;
  role: string | null;
  displayName: string | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  target: string | null;
}

const known = (key: string): MessageKey | undefined => (isMessageKey(key) ? key : undefined);

/** The kind of action in words, e.g. "dispatch" → "派发"; one the table lacks, as "other". */
export function actionLabel(action: string, lang: Lang): string {
  return translate(known(`auditAction.${action}`) ?? "auditAction.other", lang);
}

/** "问题 #42": the record's kind in words and its number. */
function thing(entity: string, entityId: string | null, lang: Lang): string {
  const word = translate(known(`entity.${entity}`) ?? "auditEntity.record", lang);
  const kind = lang === "en" ? word.toLowerCase() : word;
  return entityId === null ? kind : `${kind} #${entityId}`;
}

function who(f: AuditFacts, lang: Lang): string {
  if (f.displayName === null && f.username === null) return translate("audit.system", lang);
  const role = f.role && known(`role.${f.role}`);
  return [role && translate(role, lang), f.displayName ?? f.username].filter(Boolean).join(" ");
}

/**
 * The verb phrase: a wording for this kind of record and action (problem.return is rework,
 * material.return a material sent back), else the action's general wording.
 */
function what(f: AuditFacts, lang: Lang): string {
  const params = { thing: thing(f.entity, f.entityId, lang), target: f.target ?? "" };
  const key =
    (f.target && known(`auditVerb.${f.entity}.${f.action}.target`)) ||
    known(`auditVerb.${f.entity}.${f.action}`) ||
    known(`auditVerb.${f.action}`) ||
    "auditVerb.other";
  return translate(key, lang, { ...params, action: actionLabel(f.action, lang) });
}

export function auditSentence(f: AuditFacts, lang: Lang): string {
  return `${chinaDateTime(f.at)} ${who(f, lang)} ${what(f, lang)}`;
}
