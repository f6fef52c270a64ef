// What the API says to people, in Chinese first and English: one table, keyed by message code,
// in the catalogue format all of CivGrid shares (geo/src/catalogue.ts: `{name}` placeholders).
import { type Catalogue, fillTemplate, type Locale } from "@civgrid/geo";

export type Lang = Locale;

export const messages = {
  "error.validation": {
    "zh-CN": "请修改：{fields}。",
    en: "Please correct: {fields}.",
  },
  "error.not_found": { "zh-CN": "找不到{entity} {id}。", en: "{entity} {id} was not found." },
  "error.route_not_found": { "zh-CN": "没有这个接口：{path}", en: "There is no endpoint {path}." },
  "error.internal": {
    "zh-CN": "服务器出错了，请稍后重试；如果一再出现，请联系管理员。",
    en: "Something went wrong on the server. Try again; if it keeps happening, tell your administrator.",
  },
  "error.body_too_large": { "zh-CN": "提交的内容太大。", en: "The request body is too large." },
  "field.bbox": {
    "zh-CN":
      "bbox 应为四个数字：最小经度,最小纬度,最大经度,最大纬度（经度 -180~180，纬度 -90~90，最小值不大于最大值）",
    en: "bbox must be four numbers: minLon,minLat,maxLon,maxLat (longitude -180..180, latitude -90..90, min ≤ max)",
  },
  "field.id": {
    "zh-CN": "应为正整数编号",
    en: "must be a positive whole-number id",
  },
  "field.integer": {
    "zh-CN": "应为 {min} 到 {max} 之间的整数",
    en: "must be a whole number from {min} to {max}",
  },
  "field.one_of": { "zh-CN": "应为以下之一：{values}", en: "must be one of: {values}" },
  "field.boolean": { "zh-CN": "应为 true 或 false", en: "must be true or false" },
  "field.unknown": { "zh-CN": "不认识的参数", en: "is not a known parameter" },
  "field.invalid": { "zh-CN": "取值无效", en: "is not valid" },
  "auth.required": { "zh-CN": "请先登录。", en: "Please sign in." },
  "auth.expired": {
    "zh-CN": "登录已过期，请重新登录。",
    en: "Your session has expired; please sign in again.",
  },
  "auth.bad_credentials": {
    "zh-CN": "用户名（或手机号）或密码不正确。",
    en: "The username (or mobile number) or the password is not correct.",
  },
  "auth.disabled": {
    "zh-CN": "该账号已停用，请联系管理员。",
    en: "This account has been disabled; ask your administrator.",
  },
  "auth.throttled": {
    "zh-CN": "尝试次数过多，请 {seconds} 秒后再试。",
    en: "Too many attempts; try again in {seconds} seconds.",
  },
  "auth.forbidden": {
    "zh-CN": "您的角色（{role}）无权进行此操作。",
    en: "Your role ({role}) may not do this.",
  },
  "auth.password_change_required": {
    "zh-CN": "请先修改初始密码。",
    en: "Please change your one-time password first.",
  },
  "error.conflict": {
    "zh-CN": "数据已被他人修改或已存在，请刷新后重试。",
    en: "The data changed or already exists; reload and try again.",
  },
  "error.version_conflict": {
    "zh-CN": "网格 {code} 已被他人修改（当前版本 {version}），请刷新后在最新版本上修改。",
    en: "Grid {code} was changed by someone else (now version {version}); reload and edit the latest version.",
  },
  "field.lead_also_support": {
    "zh-CN": "牵头单位不能同时是协同单位",
    en: "the lead unit cannot also be a supporting unit",
  },
  "field.leader_also_volunteer": {
    "zh-CN": "网格长不能同时列为志愿者",
    en: "the grid leader cannot also be listed as a volunteer",
  },
  "import.unknown_extension": {
    "zh-CN": "不支持的文件类型「{name}」：请上传 .geojson、.json、.kml 或压缩的 Shapefile（.zip）",
    en: "“{name}” is not a supported file: upload .geojson, .json, .kml or a zipped Shapefile (.zip)",
  },
  "import.not_what_named": {
    "zh-CN": "文件「{name}」的扩展名表示 {expected}，但内容是 {found}",
    en: "“{name}” is named as {expected} but its content is {found}",
  },
  "import.no_features": { "zh-CN": "文件中没有任何要素", en: "the file holds no features" },
  "import.too_many_features": {
    "zh-CN": "文件有 {count} 个要素，一次最多导入 {max} 个",
    en: "the file has {count} features; at most {max} can be imported at once",
  },
  "import.unreadable": {
    "zh-CN": "无法读取 {kind} 文件：{reason}",
    en: "the {kind} file cannot be read: {reason}",
  },
  "import.shapefile_parts": {
    "zh-CN": "Shapefile 压缩包缺少：{parts}（需要 .shp、.dbf 和 .prj）",
    en: "the Shapefile zip lacks: {parts} (it needs .shp, .dbf and .prj)",
  },
  "error.invalid_geometry": {
    "zh-CN": "网格图形无效（{count} 处问题），请检查标出的位置。",
    en: "The grid's shape is not valid ({count} problems); see the marked places.",
  },
  "error.grid_rules": {
    "zh-CN": "网格不符合规则（{count} 处问题）：不能超出社区，也不能与其他网格重叠。",
    en: "The grid breaks the rules ({count} problems): it must stay inside its community and overlap no other grid.",
  },
  "field.community_unknown": { "zh-CN": "找不到这个社区", en: "no such community in this city" },
  "field.street_unknown": { "zh-CN": "找不到这个街道", en: "no such street in this city" },
  "field.version_unknown": { "zh-CN": "没有这个历史版本", en: "there is no such version" },
  "import.no_file": { "zh-CN": "请选择要导入的文件", en: "choose a file to import" },
  "field.line": {
    "zh-CN": "分割线应为 2~1000 个经纬度坐标组成的折线",
    en: "the line must be 2 to 1,000 longitude/latitude positions",
  },
  "field.merge_two": { "zh-CN": "请至少选择两个网格", en: "choose at least two grids" },
  "field.count_or_area": {
    "zh-CN": "请给出网格数量或每个网格的目标面积（二选一）",
    en: "give either the number of grids or a target area per grid",
  },
  "field.partition_count": {
    "zh-CN": "网格数量应在 {pieces}~{max} 之间",
    en: "the number of grids must be from {pieces} to {max}",
  },
  "problem.location_or_photo": {
    "zh-CN": "请在地图上标出问题位置，或上传带有位置信息的照片",
    en: "mark the problem's place on the map, or upload a photo that carries its position",
  },
  "problem.photo_without_position": {
    "zh-CN": "照片中没有位置信息，请在地图上标出问题位置",
    en: "the photo carries no position; mark the problem's place on the map",
  },
  "problem.outside_china": {
    "zh-CN": "位置（{lon}, {lat}）不在中国境内，请检查定位",
    en: "the position ({lon}, {lat}) is outside China; check the location",
  },
  "problem.photo_unknown": {
    "zh-CN": "照片不存在或已过期，请重新上传",
    en: "a photo is unknown or expired; upload it again",
  },
  "problem.outside_patrol_area": {
    "zh-CN": "只能上报自己巡查网格内的问题",
    en: "you can report problems inside your own patrol area only",
  },
  "volunteer.no_person": {
    "zh-CN": "您的账号没有关联志愿者档案，请联系管理员",
    en: "your account is not linked to a volunteer on record; ask your administrator",
  },
  "volunteer.not_your_grid": {
    "zh-CN": "这不是您负责巡查的网格",
    en: "this is not one of your patrol grids",
  },
  "patrol.time_backwards": {
    "zh-CN": "第 {index} 个点的时间（{at}）早于前一个点（{previous}），轨迹时间不能倒退",
    en: "point {index} has a time ({at}) before the previous point's ({previous}); a track cannot go back in time",
  },
  "patrol.ended": { "zh-CN": "这次巡查已经结束", en: "this patrol has ended" },
  "dedication.past": {
    "zh-CN": "这一天已经过去，不能再安排或报名",
    en: "this day has passed; it can no longer be scheduled or signed up for",
  },
  "dedication.not_today": {
    "zh-CN": "奉献日是 {day}，只能在当天签到",
    en: "the dedication day is {day}; check in on that day",
  },
  "dedication.outside_grid": {
    "zh-CN": "签到位置在网格“{grid}”外约 {metres} 米（{km} 公里），请到网格内签到",
    en: "the check-in position is about {metres} m ({km} km) outside grid “{grid}”; check in inside the grid",
  },
  "activity.no_branch": {
    "zh-CN": "您不属于任何志愿服务支队，不能登记活动",
    en: "you belong to no volunteer branch, so you cannot log an activity",
  },
  "activity.not_your_branch": {
    "zh-CN": "只能为自己所在的支队登记活动",
    en: "you can log activities for your own branch only",
  },
  "activity.branch_required": { "zh-CN": "请选择支队", en: "choose the branch" },
  "activity.branch_unknown": { "zh-CN": "没有这个支队", en: "there is no such branch" },
  "activity.future": {
    "zh-CN": "活动日期不能晚于今天",
    en: "the activity's date cannot be after today",
  },
  "activity.person_unknown": {
    "zh-CN": "没有编号为 {id} 的志愿者",
    en: "there is no volunteer with id {id}",
  },
  "activity.person_twice": {
    "zh-CN": "同一位志愿者重复登记",
    en: "the same volunteer is listed twice",
  },
  "activity.hours": {
    "zh-CN": "服务时长应在 0.5~24 小时之间",
    en: "hours must be from 0.5 to 24",
  },
  "activity.no_participants": {
    "zh-CN": "请至少登记一位参与的志愿者",
    en: "list at least one volunteer who took part",
  },
  "problem.role_may_not": { "zh-CN": "{role}不能执行“{action}”", en: "a {role} may not {action}" },
  "problem.not_your_unit": {
    "zh-CN": "这不是本单位负责的问题",
    en: "this problem is not your unit's",
  },
  "problem.version_conflict": {
    "zh-CN": "问题已被他人处理（当前状态：{status}），请刷新后再操作",
    en: "someone else has acted on this problem (now {status}); reload and try again",
  },
  "problem.illegal_transition": {
    "zh-CN": "问题当前状态为“{status}”，不能“{action}”",
    en: "the problem is {status}; it cannot be {action} now",
  },
  "problem.after_photos_needed": {
    "zh-CN": "提交整改需要附上整改后的照片",
    en: "a rectification needs after-photos",
  },
  "problem.review_date": {
    "zh-CN": "请填写将来的复查日期（YYYY-MM-DD）",
    en: "give a future review date (YYYY-MM-DD)",
  },
  "problem.no_pending_extension": {
    "zh-CN": "没有待审批的延期申请",
    en: "there is no extension request to answer",
  },
  "problem.extension_pending": {
    "zh-CN": "已有延期申请在等待审批",
    en: "an extension request is already waiting",
  },
  "status.reported": { "zh-CN": "已上报", en: "reported" },
  "status.dispatched": { "zh-CN": "已派发", en: "dispatched" },
  "status.rectifying": { "zh-CN": "整改中", en: "being rectified" },
  "status.submitted": { "zh-CN": "待核验", en: "submitted" },
  "status.returned": { "zh-CN": "返工", en: "returned" },
  "status.sent_back": { "zh-CN": "已回退", en: "sent back" },
  "status.ledger": { "zh-CN": "挂账", en: "on the ledger" },
  "status.closed": { "zh-CN": "已销号", en: "closed" },
  "severity.minor": { "zh-CN": "轻微", en: "minor" },
  "severity.normal": { "zh-CN": "一般", en: "normal" },
  "severity.serious": { "zh-CN": "严重", en: "serious" },
  "source.inspection": { "zh-CN": "检查发现", en: "inspection" },
  "source.patrol": { "zh-CN": "网格巡查", en: "patrol" },
  "source.citizen": { "zh-CN": "市民投诉", en: "citizen report" },
  "field.carry_over": {
    "zh-CN": "应为 JSON：原网格编号 → 接收网格编码",
    en: "must be JSON: old grid id → receiving grid code",
  },
  "ledger.id": { "zh-CN": "编号", en: "id" },
  "ledger.status": { "zh-CN": "状态", en: "status" },
  "ledger.severity": { "zh-CN": "严重程度", en: "severity" },
  "ledger.source": { "zh-CN": "来源", en: "source" },
  "ledger.description": { "zh-CN": "描述", en: "description" },
  "ledger.grid": { "zh-CN": "网格", en: "grid" },
  "ledger.unit": { "zh-CN": "责任单位", en: "unit" },
  "ledger.item": { "zh-CN": "测评条目", en: "item" },
  "ledger.deduction": { "zh-CN": "失分", en: "points lost" },
  "ledger.deadline": { "zh-CN": "整改期限（北京时间）", en: "deadline (China time)" },
  "ledger.overdue": { "zh-CN": "超期", en: "overdue" },
  "ledger.reported": { "zh-CN": "上报时间（北京时间）", en: "reported (China time)" },
  "ledger.lon": { "zh-CN": "经度", en: "lon" },
  "ledger.lat": { "zh-CN": "纬度", en: "lat" },
  "ledger.yes": { "zh-CN": "是", en: "yes" },
  "gridColumn.code": { "zh-CN": "网格编码", en: "code" },
  "gridColumn.name": { "zh-CN": "名称", en: "name" },
  "gridColumn.community": { "zh-CN": "所属社区", en: "community" },
  "gridColumn.street": { "zh-CN": "所属街道", en: "street" },
  "gridColumn.areaM2": { "zh-CN": "面积（平方米）", en: "area (m²)" },
  "gridColumn.leadUnit": { "zh-CN": "牵头单位", en: "lead unit" },
  "gridColumn.leader": { "zh-CN": "网格长", en: "grid leader" },
  "gridColumn.volunteers": { "zh-CN": "志愿者人数", en: "volunteers" },
  "gridColumn.grids": { "zh-CN": "网格数", en: "grids" },
  "gridColumn.version": { "zh-CN": "版本", en: "version" },
  "gridColumn.geometry": { "zh-CN": "图形（GeoJSON）", en: "geometry (GeoJSON)" },
  "action.dispatch": { "zh-CN": "派发", en: "dispatched" },
  "action.start": { "zh-CN": "开始整改", en: "started" },
  "action.submit": { "zh-CN": "提交整改", en: "submitted" },
  "action.close": { "zh-CN": "销号", en: "closed" },
  "action.return": { "zh-CN": "返工", en: "returned" },
  "action.send_back": { "zh-CN": "回退", en: "sent back" },
  "action.request_extension": { "zh-CN": "申请延期", en: "given more time on request" },
  "action.grant_extension": { "zh-CN": "批准延期", en: "granted more time" },
  "action.refuse_extension": { "zh-CN": "驳回延期", en: "refused more time" },
  "action.to_ledger": { "zh-CN": "挂账", en: "put on the ledger" },
  "action.reopen": { "zh-CN": "重新派发", en: "reopened" },
  "inspection.standard_unknown": {
    "zh-CN": "找不到这个测评标准",
    en: "no such evaluation standard",
  },
  "inspection.point_unknown": { "zh-CN": "找不到这个点位", en: "no such inspection point" },
  "inspection.item_unknown": {
    "zh-CN": "该条目不属于所选测评标准",
    en: "the item is not in the chosen standard",
  },
  "inspection.deduction_over": {
    "zh-CN": "扣分不能超过该条目分值 {points}",
    en: "cannot lose more than the item's {points} points",
  },
  "inspection.no_visits": { "zh-CN": "请至少检查一个点位", en: "visit at least one point" },
  "inspection.too_many_visits": {
    "zh-CN": "一次检查最多 {max} 个点位（收到 {count} 个），请分几次记录",
    en: "one inspection can visit at most {max} points (this has {count}); record it in several",
  },
  "inspection.too_many_results": {
    "zh-CN": "一次检查最多记录 {max} 项结果（收到 {count} 项），请分几次记录",
    en: "one inspection can hold at most {max} results (this has {count}); record it in several",
  },
  "inspection.too_many_failed": {
    "zh-CN": "一次检查最多 {max} 项不合格（收到 {count} 项；每项都会成为一个问题），请分几次记录",
    en: "one inspection can have at most {max} failed results (this has {count}, each becomes a problem); record it in several",
  },
  "entity.inspection": { "zh-CN": "检查记录", en: "Inspection" },
  "entity.standard": { "zh-CN": "测评标准", en: "Standard" },
  "error.cross_site": {
    "zh-CN": "请求来自其他网站，已拒绝；请在 CivGrid 页面内操作。",
    en: "The request came from another site and was refused; act from CivGrid's own pages.",
  },
  "error.bad_body": {
    "zh-CN": "提交的内容无法读取，请检查格式（例如 JSON）。",
    en: "The request body cannot be read; check its format (e.g. JSON).",
  },
  "error.throttled": {
    "zh-CN": "请求太频繁，请 {seconds} 秒后再试。",
    en: "Too many requests; try again in {seconds} seconds.",
  },
  "field.required": { "zh-CN": "必填", en: "is required" },
  "field.password_short": { "zh-CN": "密码至少 {min} 位", en: "must be at least {min} characters" },
  "field.password_wrong": { "zh-CN": "当前密码不正确", en: "is not your current password" },
  "field.password_same": {
    "zh-CN": "新密码不能与当前密码相同",
    en: "must differ from the current password",
  },
  "field.username": {
    "zh-CN": "用户名为 3~32 位字母、数字、下划线、点或横线",
    en: "must be 3–32 letters, digits, underscores, dots or dashes",
  },
  "field.username_taken": { "zh-CN": "用户名已被使用", en: "is already taken" },
  "field.mobile": {
    "zh-CN": "手机号应为 11 位数字，以 1 开头",
    en: "must be an 11-digit mobile number starting with 1",
  },
  "field.mobile_taken": {
    "zh-CN": "手机号已被其他账号使用",
    en: "is already used by another account",
  },
  "field.text": { "zh-CN": "应为 {min}~{max} 个字符", en: "must be {min} to {max} characters" },
  "field.unit_needed": { "zh-CN": "单位管理员必须指定所属单位", en: "a unit admin needs a unit" },
  "field.person_needed": {
    "zh-CN": "网格长和志愿者必须关联人员档案",
    en: "a grid leader or volunteer needs a person on record",
  },
  "field.unit_unknown": { "zh-CN": "找不到这个单位", en: "no such unit in this city" },
  "field.person_unknown": { "zh-CN": "找不到这个人员", en: "no such person in this city" },
  "field.self_disable": {
    "zh-CN": "不能停用自己的账号",
    en: "you cannot disable your own account",
  },
  "field.file_xlsx": { "zh-CN": "请上传 .xlsx 格式的 Excel 文件", en: "must be an .xlsx workbook" },
  "field.unknown_id": { "zh-CN": "找不到编号 {ids}", en: "there is no record with id {ids}" },
  "entity.campaign": { "zh-CN": "创城年度任务", en: "Campaign" },
  "entity.task": { "zh-CN": "任务", en: "Task" },
  "entity.task_assignment": { "zh-CN": "任务分派", en: "Task assignment" },
  "entity.material": { "zh-CN": "报送资料", en: "Material" },
  "phase.mobilisation": { "zh-CN": "宣传发动", en: "mobilisation" },
  "phase.implementation": { "zh-CN": "创建实施", en: "implementation" },
  "phase.assessment": { "zh-CN": "检查考核", en: "assessment" },
  "phase.consolidation": { "zh-CN": "巩固提高", en: "consolidation" },
  "campaign.phase_ends_before_start": {
    "zh-CN": "结束日期不能早于开始日期",
    en: "must not be before the start date",
  },
  "campaign.phase_overlaps": {
    "zh-CN": "应晚于上一阶段的结束日期 {end}",
    en: "must be after the previous phase ends ({end})",
  },
  "campaign.name_taken": {
    "zh-CN": "已有名为「{name}」的创城年度任务。",
    en: "A campaign named “{name}” already exists.",
  },
  "task.no_such_phase": {
    "zh-CN": "找不到该创城年度任务或其阶段",
    en: "there is no such campaign or phase",
  },
  "task.deadline_outside_phase": {
    "zh-CN": "截止日期应在「{phase}」阶段内（{start} 至 {end}）",
    en: "the deadline must lie within the {phase} phase ({start} to {end})",
  },
  "task.no_assignee": {
    "zh-CN": "任务没有分派给任何单位或网格，请至少选择一个",
    en: "the task is assigned to no one: choose at least one unit or grid",
  },
  "task.unknown_units": { "zh-CN": "找不到单位：{names}", en: "no such unit: {names}" },
  "task.unknown_grids": { "zh-CN": "找不到网格编码：{codes}", en: "no such grid code: {codes}" },
  "task.already_done": {
    "zh-CN": "该任务已完成；如需修改，请创城办先退回。",
    en: "This task is already done; the campaign office must return it first.",
  },
  "task.not_done": {
    "zh-CN": "只有已完成的任务可以退回。",
    en: "Only a completed task can be returned.",
  },
  "material.week_future": {
    "zh-CN": "不能报送未来的周次（本周从 {current} 开始）",
    en: "cannot report on a future week (this week starts {current})",
  },
  "material.unit_required": {
    "zh-CN": "请选择报送单位",
    en: "choose the unit the material is for",
  },
  "material.not_own_unit": {
    "zh-CN": "只能为本单位报送资料",
    en: "you may submit materials for your own unit only",
  },
  "material.not_reviewable": {
    "zh-CN": "该资料已{status}，不能再次审核。",
    en: "This material is already {status}; it cannot be reviewed again.",
  },
  "material.status.accepted": { "zh-CN": "通过", en: "accepted" },
  "material.status.returned": { "zh-CN": "退回", en: "returned" },
  "file.bad_name": {
    "zh-CN": "文件名不能含有路径（/、\\、..）或控制字符，长度不超过 200 个字符",
    en: "the file name must not contain a path (/, \\, ..) or control characters, and at most 200 characters",
  },
  "file.not_document": {
    "zh-CN": "这是 {kind} 文件：请上传照片（JPG、PNG、WebP）、PDF 或 Office 文档",
    en: "this is a {kind} file: upload a photo (JPG, PNG, WebP), a PDF or an Office document",
  },
  "file.unknown_document": {
    "zh-CN": "无法识别文件内容：请上传照片（JPG、PNG、WebP）、PDF 或 Office 文档",
    en: "the content is not recognisable: upload a photo (JPG, PNG, WebP), a PDF or an Office document",
  },
  "file.name_mismatch": {
    "zh-CN": "文件名「{name}」与文件内容（{kind}）不符，请检查后重新上传",
    en: "the name “{name}” does not match the content ({kind}); check the file and upload again",
  },
  "file.document_missing": { "zh-CN": "请选择要上传的文件", en: "choose a file to upload" },
  "file.document_too_large": {
    "zh-CN": "文件不能超过 {max} MB",
    en: "a file may be at most {max} MB",
  },
  "field.sheet_columns": {
    "zh-CN": "缺少列：{columns}（表头应在第 1 行，或在不超过 5 行的标题之下）",
    en: "missing columns: {columns} (the header must be row 1, or below a title of at most 5 rows)",
  },
  "field.sheet_empty": { "zh-CN": "表格中没有数据行", en: "the sheet has no data rows" },
  "field.sheet_cell": {
    "zh-CN": "第 {row} 行「{column}」：{problem}",
    en: "row {row}, column “{column}”: {problem}",
  },
  "field.sheet_account_differs": {
    "zh-CN":
      "该账号已存在，但表中的姓名、手机号、角色或单位与现有账号不同；导入只新建账号，修改请在账号管理中进行",
    en: "this account exists with a different name, mobile, role or unit; the import only creates accounts, so change it on the accounts page",
  },
  "field.sheet_duplicate": {
    "zh-CN": "与第 {other} 行重复",
    en: "repeats row {other}",
  },
  "role.admin": { "zh-CN": "系统管理员", en: "administrator" },
  "role.coordinator": { "zh-CN": "创城办", en: "coordinator" },
  "role.inspector": { "zh-CN": "督导组", en: "inspector" },
  "role.unit_admin": { "zh-CN": "单位管理员", en: "unit admin" },
  "role.grid_leader": { "zh-CN": "网格长", en: "grid leader" },
  "role.volunteer": { "zh-CN": "志愿者", en: "volunteer" },
  "role.leader": { "zh-CN": "领导", en: "leader" },
  "entity.user": { "zh-CN": "用户", en: "User" },
  "entity.grid": { "zh-CN": "网格", en: "Grid" },
  "entity.community": { "zh-CN": "社区", en: "Community" },
  "entity.unit": { "zh-CN": "单位", en: "Unit" },
  "entity.point": { "zh-CN": "点位", en: "Inspection point" },
  "entity.problem": { "zh-CN": "问题", en: "Problem" },
  "entity.file": { "zh-CN": "文件", en: "File" },
  "entity.patrol": { "zh-CN": "巡查记录", en: "Patrol" },
  "entity.dedication_day": { "zh-CN": "网格奉献日", en: "Dedication day" },
  "entity.activity": { "zh-CN": "志愿服务活动", en: "Volunteer activity" },
  "file.missing": { "zh-CN": "请选择要上传的照片", en: "choose a photo to upload" },
  "file.empty": {
    "zh-CN": "文件是空的，请重新选择照片",
    en: "the file is empty; choose the photo again",
  },
  "file.not_image": {
    "zh-CN": "这是 {kind} 文件，不是照片：请上传 JPG、PNG 或 WebP 照片",
    en: "this is a {kind} file, not a photo: upload a JPG, PNG or WebP photo",
  },
  "file.text": {
    "zh-CN": "这是文本文件，不是照片：请上传 JPG、PNG 或 WebP 照片",
    en: "this is a text file, not a photo: upload a JPG, PNG or WebP photo",
  },
  "file.unknown": {
    "zh-CN": "无法识别文件内容，不是照片：请上传 JPG、PNG 或 WebP 照片",
    en: "the content is not recognisable as a photo: upload a JPG, PNG or WebP photo",
  },
  "file.unsupported_image": {
    "zh-CN": "暂不支持 {kind} 格式的图片：请上传 JPG、PNG 或 WebP 照片",
    en: "{kind} images are not supported: upload a JPG, PNG or WebP photo",
  },
  "file.heic": {
    "zh-CN": "暂不支持 HEIC，请在手机设置中选择「兼容性最佳」或上传 JPG",
    en: "HEIC photos are not supported yet: set the phone's camera to “Most Compatible” or upload a JPG",
  },
  "file.unreadable": {
    "zh-CN": "照片已损坏或无法读取，请重新拍摄或选择其他照片",
    en: "the photo is damaged or cannot be read; take it again or choose another",
  },
  "file.too_large": {
    "zh-CN": "照片不能超过 {max} MB，请压缩后再上传",
    en: "a photo may be at most {max} MB; shrink it and upload again",
  },
  "error.standard_frozen": {
    "zh-CN":
      "测评标准「{name}」第 {version} 版{status}，其条目已被问题和检查引用，不能直接修改；请复制为新版本（草稿）后修改。",
    en: "Standard “{name}” version {version} {status}; problems and inspections refer to its items, so they cannot change. Copy it into a new version (a draft) and edit that.",
  },
  "error.standard_not_draft": {
    "zh-CN": "只有草稿可以启用：测评标准「{name}」第 {version} 版{status}。",
    en: "Only a draft can be activated: standard “{name}” version {version} {status}.",
  },
  "error.standard_in_use": {
    "zh-CN": "该草稿已被检查或问题引用，不能整体替换条目。",
    en: "Inspections or problems already refer to this draft; its items cannot be replaced.",
  },
  "standard.status.draft": { "zh-CN": "为草稿", en: "is a draft" },
  "standard.status.active": { "zh-CN": "已启用", en: "is active" },
  "standard.status.retired": { "zh-CN": "已停用", en: "is retired" },
  "field.points": {
    "zh-CN": "分值应为大于 0、不超过 100 的数字（最多两位小数）",
    en: "must be a number above 0 and at most 100 (two decimals at most)",
  },
  "field.count": { "zh-CN": "应有 {min}~{max} 项", en: "must have {min} to {max} entries" },
  "field.category_full": {
    "zh-CN": "每个类别最多 {max} 个条目",
    en: "a category holds at most {max} items",
  },
  "field.item_code": {
    "zh-CN": "条目编号应以类别序号开头，如 {seq}.1",
    en: "the item code must start with the category number, e.g. {seq}.1",
  },
  "field.category_mismatch": {
    "zh-CN": "与同一类别序号的第 {other} 行类别名称「{name}」不一致",
    en: "differs from the category name “{name}” given for the same number in row {other}",
  },
  "field.category_radius_mismatch": {
    "zh-CN": "与同一类别第 {other} 行的查重半径不一致",
    en: "differs from the radius given for the same category in row {other}",
  },
  "field.date": { "zh-CN": "应为 YYYY-MM-DD 格式的日期", en: "must be a date as YYYY-MM-DD" },
  "field.period_order": {
    "zh-CN": "结束日期不能早于开始日期",
    en: "must not be before the start date",
  },
  "field.period_span": {
    "zh-CN": "统计期间最长 {max} 天",
    en: "the period may be at most {max} days long",
  },
  "field.zoom": {
    "zh-CN": "地图缩放级别应在 {min}~{max} 之间",
    en: "the map zoom must be between {min} and {max}",
  },
  "field.bbox_too_large": {
    "zh-CN": "范围太大，当前缩放级别下约有 {cells} 个六边形（最多 {max} 个），请放大地图或缩小范围",
    en: "the area is too large: about {cells} hexagons at this zoom (at most {max}); zoom in or choose a smaller area",
  },
  "field.category_unknown": {
    "zh-CN": "找不到这个测评类别",
    en: "no such category of the evaluation standard",
  },
  "field.grid_unknown": { "zh-CN": "找不到这个网格", en: "no such grid in this city" },
  "field.cells": {
    "zh-CN": "应为 1~{max} 个六边形编号，用逗号分隔",
    en: "must be 1 to {max} hexagon cell numbers, comma-separated",
  },
  "error.collection_unknown": {
    "zh-CN": "没有要素集合“{id}”，可用的有：{ids}。",
    en: "There is no feature collection “{id}”; the collections are: {ids}.",
  },
  "entity.access_token": { "zh-CN": "访问令牌", en: "Access token" },
  "auth.token_read_only": {
    "zh-CN": "访问令牌只能读取数据；修改请登录网页操作。",
    en: "An access token can only read; sign in to the web app to make changes.",
  },
  "auth.token_invalid": {
    "zh-CN": "访问令牌无效、已撤销或已过期，请在“访问令牌”页面重新创建。",
    en: "The access token is unknown, revoked or expired; create a new one on the Access tokens page.",
  },
  "field.token_expiry": {
    "zh-CN": "应为今天之后、一年以内的日期（YYYY-MM-DD）",
    en: "must be a date after today and within a year (YYYY-MM-DD)",
  },
  // Restructurings (网格调整): carry-over choices, undo refusals, the partition range.
  "error.carry_over": {
    "zh-CN": "接收网格的选择有误，请检查标出的网格。",
    en: "The choice of receiving grids is not valid; see the grids marked.",
  },
  "field.carry_over_from": {
    "zh-CN": "这个网格不在本次调整之中",
    en: "this grid is not part of the change",
  },
  "field.carry_over_to": {
    "zh-CN": "调整后没有编码为 {code} 的网格可以接收",
    en: "no grid coded {code} is there after the change to take it",
  },
  "error.restructuring_undone": {
    "zh-CN": "这次网格调整已经撤销过了。",
    en: "This restructuring has already been undone.",
  },
  "error.restructuring_changed": {
    "zh-CN": "无法撤销：这次调整之后又有改动——{changes}。请先处理这些改动。",
    en: "Cannot undo: things changed after this restructuring — {changes}.",
  },
  "undoChange.grids": {
    "zh-CN": "网格 {codes} 的形状、名称或分工",
    en: "the shape, name or assignments of grids {codes}",
  },
  "undoChange.problems": {
    "zh-CN": "问题 {ids} 又被改派或重新定位",
    en: "problems {ids} were dispatched elsewhere or moved again",
  },
  "undoChange.newProblems": {
    "zh-CN": "新网格上有新的未办结问题 {ids}",
    en: "the new grids have new open problems {ids}",
  },
  "undoChange.days": {
    "zh-CN": "{days} 的网格奉献日换了网格或新排在新网格上",
    en: "the dedication days of {days} moved again or were planned on the new grids",
  },
  "undoChange.tasks": {
    "zh-CN": "任务 {titles} 的分派换了网格或新派到新网格上",
    en: "the assignments of tasks {titles} moved again or were given to the new grids",
  },
  "list.joined": { "zh-CN": "{first}；{rest}", en: "{first}; {rest}" },
  "error.restructuring_no_receiver": {
    "zh-CN": "社区里没有别的网格可以接收这个网格的工作（问题、任务、奉献日），不能删除。",
    en: "No other grid in the community can take this grid's work (problems, tasks, dedication days); it cannot be deleted.",
  },
  "error.partition_count": {
    "zh-CN": "网格数量应在 {pieces}~{max} 之间。",
    en: "The number of grids must be from {pieces} to {max}.",
  },
  "error.partition_job_gone": {
    "zh-CN": "这次自动划分的预览已结束或已过期，请重新生成。",
    en: "This partition preview has ended or expired; make a new one.",
  },
  "error.revert_needs_merge": {
    "zh-CN": "网格 {code} 拆分出了 {pieces}；拆分前的版本与它们重叠，请把它们合并回来。",
    en: "Grid {code} was split into {pieces} too; its version from before the split overlaps them: merge them back instead.",
  },
  "field.grid_code": { "zh-CN": "应为 15 位网格编码", en: "must be a 15-digit grid code" },
  "entity.restructuring": { "zh-CN": "网格调整", en: "Restructuring" },
  // The rectification loop without traps: dispatch choices, working-day deadlines, duplicates (issue 15b).
  "action.mark_duplicate": { "zh-CN": "标记为重复", en: "marked as a duplicate" },
  "problem.unit_unknown": {
    "zh-CN": "找不到这个责任单位，或它不属于本市",
    en: "no such unit in this city",
  },
  "problem.unit_needed": {
    "zh-CN": "这个问题没有匹配到责任单位，请选择派发给哪个单位",
    en: "no unit was routed for this problem; choose the unit to dispatch it to",
  },
  "problem.deadline_past": {
    "zh-CN": "整改期限不能早于今天（{today}）",
    en: "the deadline cannot be before today ({today})",
  },
  "problem.deadline_after_campaign": {
    "zh-CN": "整改期限不能晚于“{campaign}”的结束日 {end}",
    en: "the deadline cannot be after the end of “{campaign}” ({end})",
  },
  "problem.deadline_not_working_day": {
    "zh-CN": "{date} 不是工作日（周末或法定节假日），请选择工作日，例如 {next}",
    en: "{date} is not a working day (a weekend or public holiday); choose a working day such as {next}",
  },
  "problem.duplicate_self": {
    "zh-CN": "不能把问题标记为它自己的重复",
    en: "a problem cannot be a duplicate of itself",
  },
  "problem.duplicate_unknown": { "zh-CN": "找不到问题 #{id}", en: "there is no problem #{id}" },
  "problem.duplicate_other_category": {
    "zh-CN": "问题 #{id} 已销号，且属于另一个测评类别，不能作为重复的对象",
    en: "problem #{id} is closed and of another category; it cannot be the one this duplicates",
  },
  "problem.duplicate_of_duplicate": {
    "zh-CN": "问题 #{id} 本身是 #{of} 的重复，请标记为 #{of} 的重复",
    en: "problem #{id} is itself a duplicate of #{of}; mark this one as a duplicate of #{of}",
  },
  // --- Field-by-field validation (issue 15, loop pages): what is wrong, then what the field is called.
  "field.number": { "zh-CN": "应为数字", en: "must be a number" },
  "field.string": { "zh-CN": "应为文字", en: "must be text" },
  "field.list": { "zh-CN": "应为列表", en: "must be a list" },
  "field.object": { "zh-CN": "内容格式不对", en: "is not in the expected form" },
  "field.datetime": {
    "zh-CN": "应为带时区的时间，如 2026-12-03T10:15:00+08:00",
    en: "must be a time with its zone, e.g. 2026-12-03T10:15:00+08:00",
  },
  "field.email": { "zh-CN": "应为电子邮箱地址", en: "must be an e-mail address" },
  "field.url": { "zh-CN": "应为网址", en: "must be a web address" },
  "field.min_length": { "zh-CN": "至少 {min} 个字符", en: "must be at least {min} characters" },
  "field.max_length": { "zh-CN": "最多 {max} 个字符", en: "must be at most {max} characters" },
  "field.min_items": { "zh-CN": "至少 {min} 项", en: "must have at least {min} entries" },
  "field.max_items": { "zh-CN": "最多 {max} 项", en: "must have at most {max} entries" },
  "field.min": { "zh-CN": "不能小于 {min}", en: "must be at least {min}" },
  "field.above": { "zh-CN": "应大于 {min}", en: "must be more than {min}" },
  "field.max": { "zh-CN": "不能大于 {max}", en: "must be at most {max}" },
  "field.below": { "zh-CN": "应小于 {max}", en: "must be less than {max}" },
  "report.not_found": {
    "zh-CN": "没有编号为 {number} 的市民投诉，请核对编号。",
    en: "There is no citizen report numbered {number}; check the number.",
  },
  "field.mainland_mobile": {
    "zh-CN": "应为 11 位中国大陆手机号，如 13812345678",
    en: "must be an 11-digit mainland China mobile number, e.g. 13812345678",
  },
  "label.description": { "zh-CN": "描述", en: "description" },
  "label.title": { "zh-CN": "标题", en: "title" },
  "label.name": { "zh-CN": "名称", en: "name" },
  "label.note": { "zh-CN": "说明", en: "note" },
  "label.reason": { "zh-CN": "原因", en: "reason" },
  "label.phone": { "zh-CN": "手机号", en: "mobile number" },
  "label.mobile": { "zh-CN": "手机号", en: "mobile number" },
  "label.unitId": { "zh-CN": "责任单位", en: "unit" },
  "label.gridId": { "zh-CN": "网格", en: "grid" },
  "label.itemId": { "zh-CN": "测评条目", en: "evaluation item" },
  "label.pointId": { "zh-CN": "点位", en: "inspection point" },
  "label.personId": { "zh-CN": "人员", en: "person" },
  "label.userId": { "zh-CN": "操作人", en: "user" },
  "label.communityId": { "zh-CN": "社区", en: "community" },
  "label.campaignId": { "zh-CN": "创建活动", en: "campaign" },
  "label.taskId": { "zh-CN": "任务", en: "task" },
  "label.categoryId": { "zh-CN": "测评类别", en: "category" },
  "label.streetId": { "zh-CN": "街道", en: "street" },
  "label.branchId": { "zh-CN": "支队", en: "volunteer branch" },
  "label.photoIds": { "zh-CN": "照片", en: "photos" },
  "label.fileIds": { "zh-CN": "附件", en: "files" },
  "label.fileId": { "zh-CN": "附件", en: "file" },
  "label.file": { "zh-CN": "文件", en: "file" },
  "label.deadline": { "zh-CN": "整改期限", en: "deadline" },
  "label.severity": { "zh-CN": "严重程度", en: "severity" },
  "label.status": { "zh-CN": "状态", en: "status" },
  "label.source": { "zh-CN": "来源", en: "source" },
  "label.kind": { "zh-CN": "类型", en: "kind" },
  "label.type": { "zh-CN": "类型", en: "type" },
  "label.role": { "zh-CN": "角色", en: "role" },
  "label.code": { "zh-CN": "编码", en: "code" },
  "label.username": { "zh-CN": "用户名", en: "username" },
  "label.password": { "zh-CN": "密码", en: "password" },
  "label.displayName": { "zh-CN": "姓名", en: "name" },
  "label.limit": { "zh-CN": "每页条数", en: "page size" },
  "label.offset": { "zh-CN": "起始位置", en: "offset" },
  "label.bbox": { "zh-CN": "地图范围", en: "map extent" },
  "label.from": { "zh-CN": "开始日期", en: "from date" },
  "label.to": { "zh-CN": "结束日期", en: "to date" },
  "label.week": { "zh-CN": "周次", en: "week" },
  "label.heldOn": { "zh-CN": "日期", en: "date" },
  "label.hours": { "zh-CN": "时长", en: "hours" },
  "label.days": { "zh-CN": "天数", en: "days" },
  "label.count": { "zh-CN": "数量", en: "count" },
  "label.geometry": { "zh-CN": "图形", en: "shape" },
  "label.coordinates": { "zh-CN": "坐标", en: "coordinates" },
  "label.lon": { "zh-CN": "经度", en: "longitude" },
  "label.lat": { "zh-CN": "纬度", en: "latitude" },
  "label.long": { "zh-CN": "经度", en: "longitude" },
  "label.deduction": { "zh-CN": "失分", en: "points lost" },
  "label.action": { "zh-CN": "操作", en: "action" },
  "label.entity": { "zh-CN": "对象", en: "record kind" },
  "label.category": { "zh-CN": "类别", en: "category" },
  "label.period": { "zh-CN": "周期", en: "period" },
  "label.unitKind": { "zh-CN": "单位类型", en: "unit kind" },
  "label.number": { "zh-CN": "问题编号", en: "report number" },
  "label.version": { "zh-CN": "版本", en: "version" },
  "label.properties": { "zh-CN": "内容", en: "content" },
  "label.body": { "zh-CN": "提交内容", en: "request" },
  "label.service_code": { "zh-CN": "问题类别", en: "problem category" },
  "label.address_string": { "zh-CN": "地址", en: "address" },
  "label.first_name": { "zh-CN": "名", en: "first name" },
  "label.last_name": { "zh-CN": "姓", en: "last name" },
  "label.email": { "zh-CN": "电子邮箱", en: "e-mail" },
  "label.participantCount": { "zh-CN": "参加人数", en: "participants" },
  "label.accuracyM": { "zh-CN": "定位精度", en: "location accuracy" },
  "label.expiresOn": { "zh-CN": "有效期", en: "expiry date" },
  "label.supportUnitIds": { "zh-CN": "协同单位", en: "supporting units" },
  "label.leadUnitId": { "zh-CN": "牵头单位", en: "lead unit" },
  "label.volunteerPersonIds": { "zh-CN": "志愿者", en: "volunteers" },
  "label.gridIds": { "zh-CN": "网格", en: "grids" },
  "label.at": { "zh-CN": "时间", en: "time" },
  "label.points": { "zh-CN": "分值", en: "points" },
  "label.gridCode": { "zh-CN": "网格编码", en: "grid code" },
  "label.sort": { "zh-CN": "排序", en: "sort order" },
  // --- The audit log as sentences (issue 15, loop pages): kinds of action, and what each did.
  "auditAction.login": { "zh-CN": "登录", en: "sign-in" },
  "auditAction.logout": { "zh-CN": "退出登录", en: "sign-out" },
  "auditAction.change_password": { "zh-CN": "修改密码", en: "password change" },
  "auditAction.create": { "zh-CN": "新建", en: "create" },
  "auditAction.update": { "zh-CN": "修改", en: "update" },
  "auditAction.update+reset_password": {
    "zh-CN": "修改并重置密码",
    en: "update and password reset",
  },
  "auditAction.edit": { "zh-CN": "编辑", en: "edit" },
  "auditAction.delete": { "zh-CN": "删除", en: "delete" },
  "auditAction.seed": { "zh-CN": "初始化数据", en: "initial data" },
  "auditAction.import": { "zh-CN": "导入", en: "import" },
  "auditAction.assign": { "zh-CN": "调整分工", en: "assignment" },
  "auditAction.split": { "zh-CN": "拆分", en: "split" },
  "auditAction.merge": { "zh-CN": "合并", en: "merge" },
  "auditAction.revert": { "zh-CN": "恢复版本", en: "revert" },
  "auditAction.partition": { "zh-CN": "自动划分", en: "auto-partition" },
  "auditAction.upload": { "zh-CN": "上传", en: "upload" },
  "auditAction.submit": { "zh-CN": "提交", en: "submit" },
  "auditAction.accept": { "zh-CN": "通过", en: "accept" },
  "auditAction.return": { "zh-CN": "退回", en: "return" },
  "auditAction.activate": { "zh-CN": "启用", en: "activate" },
  "auditAction.create_version": { "zh-CN": "新建版本", en: "new version" },
  "auditAction.replace": { "zh-CN": "整体替换", en: "replace" },
  "auditAction.track": { "zh-CN": "记录巡查轨迹", en: "patrol track" },
  "auditAction.stop": { "zh-CN": "结束巡查", en: "patrol end" },
  "auditAction.report": { "zh-CN": "上报", en: "report" },
  "auditAction.dispatch": { "zh-CN": "派发", en: "dispatch" },
  "auditAction.start": { "zh-CN": "开始整改", en: "start" },
  "auditAction.close": { "zh-CN": "销号", en: "close out" },
  "auditAction.send_back": { "zh-CN": "回退", en: "send back" },
  "auditAction.request_extension": { "zh-CN": "申请延期", en: "extension request" },
  "auditAction.grant_extension": { "zh-CN": "批准延期", en: "extension granted" },
  "auditAction.refuse_extension": { "zh-CN": "驳回延期", en: "extension refused" },
  "auditAction.to_ledger": { "zh-CN": "挂账", en: "ledger" },
  "auditAction.reopen": { "zh-CN": "重新派发", en: "reopen" },
  "auditAction.place": { "zh-CN": "定位", en: "place" },
  "auditAction.escalate": { "zh-CN": "超期督办", en: "escalation" },
  "auditAction.other": { "zh-CN": "其他操作", en: "other" },
  "auditVerb.login": { "zh-CN": "登录了系统", en: "signed in" },
  "auditVerb.logout": { "zh-CN": "退出了登录", en: "signed out" },
  "auditVerb.change_password": { "zh-CN": "修改了自己的密码", en: "changed their password" },
  "auditVerb.create": { "zh-CN": "新建了{thing}", en: "created {thing}" },
  "auditVerb.update": { "zh-CN": "修改了{thing}", en: "updated {thing}" },
  "auditVerb.update+reset_password": {
    "zh-CN": "修改了{thing} 并重置了密码",
    en: "updated {thing} and reset its password",
  },
  "auditVerb.edit": { "zh-CN": "编辑了{thing}", en: "edited {thing}" },
  "auditVerb.delete": { "zh-CN": "删除了{thing}", en: "deleted {thing}" },
  "auditVerb.seed": { "zh-CN": "载入了初始数据", en: "loaded the initial data" },
  "auditVerb.import": { "zh-CN": "导入了{thing}", en: "imported {thing}" },
  "auditVerb.assign": {
    "zh-CN": "调整了{thing} 的责任分工",
    en: "changed who is responsible for {thing}",
  },
  "auditVerb.split": { "zh-CN": "拆分了{thing}", en: "split {thing}" },
  "auditVerb.merge": { "zh-CN": "合并了{thing}", en: "merged {thing}" },
  "auditVerb.revert": {
    "zh-CN": "将{thing} 恢复到旧版本",
    en: "reverted {thing} to an earlier version",
  },
  "auditVerb.partition": {
    "zh-CN": "自动划分了{thing} 的网格",
    en: "auto-partitioned {thing} into grids",
  },
  "auditVerb.upload": { "zh-CN": "上传了{thing}", en: "uploaded {thing}" },
  "auditVerb.submit": { "zh-CN": "提交了{thing}", en: "submitted {thing}" },
  "auditVerb.accept": { "zh-CN": "通过了{thing}", en: "accepted {thing}" },
  "auditVerb.return": { "zh-CN": "退回了{thing}", en: "returned {thing}" },
  "auditVerb.activate": { "zh-CN": "启用了{thing}", en: "activated {thing}" },
  "auditVerb.create_version": {
    "zh-CN": "为{thing} 新建了版本",
    en: "created a new version of {thing}",
  },
  "auditVerb.replace": { "zh-CN": "整体替换了{thing}", en: "replaced {thing}" },
  "auditVerb.track": { "zh-CN": "记录了{thing} 的轨迹", en: "recorded the track of {thing}" },
  "auditVerb.stop": { "zh-CN": "结束了{thing}", en: "ended {thing}" },
  "auditVerb.report": { "zh-CN": "上报了{thing}", en: "reported {thing}" },
  "auditVerb.dispatch": { "zh-CN": "派发了{thing}", en: "dispatched {thing}" },
  "auditVerb.start": { "zh-CN": "开始整改{thing}", en: "started rectifying {thing}" },
  "auditVerb.close": { "zh-CN": "将{thing} 销号", en: "closed out {thing}" },
  "auditVerb.send_back": {
    "zh-CN": "将{thing} 回退给创城办",
    en: "sent {thing} back to the campaign office",
  },
  "auditVerb.request_extension": {
    "zh-CN": "为{thing} 申请延期",
    en: "asked for more time on {thing}",
  },
  "auditVerb.grant_extension": {
    "zh-CN": "批准了{thing} 的延期",
    en: "granted more time on {thing}",
  },
  "auditVerb.refuse_extension": {
    "zh-CN": "驳回了{thing} 的延期申请",
    en: "refused more time on {thing}",
  },
  "auditVerb.to_ledger": { "zh-CN": "将{thing} 挂账", en: "put {thing} on the ledger" },
  "auditVerb.reopen": { "zh-CN": "重新派发了{thing}", en: "reopened {thing}" },
  "auditVerb.place": { "zh-CN": "在地图上定位了{thing}", en: "placed {thing} on the map" },
  "auditVerb.other": { "zh-CN": "对{thing} 进行了“{action}”", en: "did “{action}” on {thing}" },
  "auditVerb.problem.dispatch.target": {
    "zh-CN": "将{thing} 派发给 {target}",
    en: "dispatched {thing} to {target}",
  },
  "auditVerb.problem.submit": {
    "zh-CN": "提交了{thing} 的整改结果",
    en: "submitted the rectification of {thing}",
  },
  "auditVerb.problem.escalate": {
    "zh-CN": "因超期对{thing} 升级督办",
    en: "escalated {thing}, overdue",
  },
  "auditVerb.problem.return": { "zh-CN": "将{thing} 退回返工", en: "returned {thing} for rework" },
  "auditVerb.session.login": { "zh-CN": "登录了系统", en: "signed in" },
  "auditEntity.record": { "zh-CN": "记录", en: "record" },
  "entity.session": { "zh-CN": "登录会话", en: "Session" },
  "entity.escalation_steps": { "zh-CN": "督办设置", en: "Escalation steps" },
  "entity.city": { "zh-CN": "城市", en: "City" },
  "entity.volunteer_activity": { "zh-CN": "志愿服务活动", en: "Volunteer activity" },
  "audit.system": { "zh-CN": "系统", en: "The system" },
  // Reliability under faults and heavy work (issue 21): input the database would refuse, outages,
  // replays, worker jobs, backups.
  "field.nul_character": {
    "zh-CN": "不能包含空字符（\\u0000），请删除后重试",
    en: "must not contain a NUL character (\\u0000)",
  },
  "field.lone_surrogate": {
    "zh-CN": "包含残缺的字符（不成对的 Unicode 代理项），请重新输入",
    en: "contains a broken character (an unpaired Unicode surrogate); type it again",
  },
  "field.reference_missing": {
    "zh-CN": "编号 {value} 不存在，请刷新后重新选择",
    en: "refers to {value}, which does not exist; refresh and choose again",
  },
  "field.date_impossible": {
    "zh-CN": "不是存在的日期或时间",
    en: "is not a date or time that exists",
  },
  "error.json_too_deep": {
    "zh-CN": "提交的 JSON 嵌套超过 {max} 层，无法处理。",
    en: "The JSON body is nested more than {max} levels deep.",
  },
  "error.already_exists": {
    "zh-CN": "这条记录已经存在（与已有数据重复），请刷新后查看。",
    en: "This record already exists; refresh to see it.",
  },
  "error.concurrent_change": {
    "zh-CN": "有人同时在修改相同的数据，本次未保存，请重试。",
    en: "Someone changed the same data at the same moment; nothing was saved. Try again.",
  },
  "error.statement_timeout": {
    "zh-CN": "数据库处理时间过长，已中止，未保存任何内容；请缩小范围或稍后重试。",
    en: "The database took too long and the request was stopped; nothing was saved. Narrow it down or try again later.",
  },
  "error.too_complex": {
    "zh-CN": "提交的内容过于复杂，数据库无法处理。",
    en: "The request is too complex for the database to process.",
  },
  "error.geometry_refused": {
    "zh-CN": "PostGIS 无法处理这个图形（例如覆盖了整个地球或坐标颠倒），请重新绘制。",
    en: "PostGIS cannot process this shape (for example it covers the whole globe or its coordinates are swapped); draw it again.",
  },
  "error.database_unavailable": {
    "zh-CN": "暂时连不上数据库，请 {seconds} 秒后重试；已经保存的内容不会丢失。",
    en: "The database cannot be reached right now; try again in {seconds} seconds. Nothing already saved is lost.",
  },
  "error.commit_outcome_unknown": {
    "zh-CN":
      "保存时与数据库的连接中断，无法确定是否已经保存。请刷新查看；带同一 Idempotency-Key 重发会得到原来的结果，不会重复保存。",
    en: "The connection to the database was lost while saving, so it is not known whether it was saved. Refresh to check; resending with the same Idempotency-Key gets the original answer and saves nothing twice.",
  },
  "error.idempotency_mismatch": {
    "zh-CN": "这个 Idempotency-Key 已用于另一份内容不同的提交，请为新提交换一个新的 Key。",
    en: "This Idempotency-Key was already used for a different request; use a new key for a new request.",
  },
  "error.shutting_down": {
    "zh-CN": "服务正在重启，请稍后重试。",
    en: "The service is restarting; try again shortly.",
  },
  // Security (issue 16): passwords, the last administrator, zip limits, file reads.
  "field.password_common": {
    "zh-CN": "这是最常见的密码之一，很容易被猜中，请换一个（可以用几个词组成的短语）",
    en: "is one of the most used passwords and easily guessed; choose another (a phrase of a few words works)",
  },
  "user.last_admin": {
    "zh-CN": "这是最后一个可用的系统管理员账号，不能停用或改为其他角色；请先指定另一位管理员。",
    en: "This is the last active administrator; it cannot be disabled or given another role. Make another administrator first.",
  },
  "import.zip_too_large": {
    "zh-CN": "压缩包解压后共 {size} MB，超过上限 {max} MB，未解压。",
    en: "The archive would unpack to {size} MB, more than the {max} MB allowed; it was not unpacked.",
  },
  "import.zip_too_many_entries": {
    "zh-CN": "压缩包内有 {count} 个文件，超过上限 {max} 个，未解压。",
    en: "The archive holds {count} files, more than the {max} allowed; it was not unpacked.",
  },
  "import.zip_nested": {
    "zh-CN": "压缩包内不能再套压缩包（{name}），请解压后直接打包 Shapefile 各文件。",
    en: "An archive inside the archive ({name}) is not accepted; zip the Shapefile's own files directly.",
  },
  "import.zip_unreadable": {
    "zh-CN": "压缩包已损坏或其中文件大小与目录不符：{reason}",
    en: "The archive is damaged or a file's size disagrees with its directory: {reason}",
  },
  "material.grid_not_unit": {
    "zh-CN": "网格 {grid} 不由本单位负责，不能用它标记本单位的资料。",
    en: "Grid {grid} is not one of your unit's; your unit's material cannot be tagged with it.",
  },
  // Notifications, channels and escalation (issue 17).
  "notify.webhook_url": {
    "zh-CN": "应为 http:// 或 https:// 开头的网址",
    en: "must be an http:// or https:// URL",
  },
  "backup.running": {
    "zh-CN": "已有一次备份正在进行，请等它完成后再试",
    en: "A backup is already running; try again when it has finished",
  },
  "backup.not_found": { "zh-CN": "没有这份备份", en: "No such backup" },
  "backup.failed": {
    "zh-CN": "备份没有完成：{reason}",
    en: "The backup did not finish: {reason}",
  },
  "backup.dump_not_installed": {
    "zh-CN": "无法启动 pg_dump（请安装 postgresql-client）：{detail}",
    en: "pg_dump could not be started (is postgresql-client installed?): {detail}",
  },
  "backup.dump_failed": {
    "zh-CN": "pg_dump 执行失败（退出码 {code}）：{detail}",
    en: "pg_dump failed (exit {code}): {detail}",
  },
  "backup.dump_timeout": {
    "zh-CN": "pg_dump 超过 {minutes} 分钟仍未完成，已停止",
    en: "pg_dump had not finished after {minutes} minutes and was stopped",
  },
  "backup.no_database_url": {
    "zh-CN": "服务器数据库的备份需要 DATABASE_URL",
    en: "a server database's backup needs its DATABASE_URL",
  },
  "backup.file_missing": {
    "zh-CN": "上传的文件 {hash} 在 {dir} 中找不到",
    en: "the stored file {hash} is missing from {dir}",
  },
  "backup.disk": {
    "zh-CN": "无法写入备份目录 {dir}：{detail}",
    en: "the backup folder {dir} could not be written: {detail}",
  },
  "backup.cli_held": {
    "zh-CN":
      "{dir} 中的内置数据库正被运行中的 CivGrid 使用。请在系统中备份（数据备份 → 立即备份），或先停止程序。",
    en: "The embedded database in {dir} is held by a running CivGrid. Take the backup from the app instead (数据备份 → 立即备份), or stop the app first.",
  },
  "backup.cli_no_database": {
    "zh-CN": "{dir} 中没有内置数据库（请设置 DATA_DIR 或 DATABASE_URL）。",
    en: "There is no embedded database in {dir} (set DATA_DIR or DATABASE_URL).",
  },
  "backup.cli_running": {
    "zh-CN": "这个数据库已有一次备份正在进行，请等它完成后再试。",
    en: "Another backup is running on this database; try again when it has finished.",
  },
  "backup.cli_wrote": {
    "zh-CN": "已写入 {path}（{size} 字节，{migrations} 次迁移，{files} 个文件）",
    en: "wrote {path} ({size} bytes, {migrations} migrations, {files} files)",
  },
  "restore.usage": {
    "zh-CN": "用法：pnpm --filter @civgrid/api restore [--lang=zh-CN|en] <备份文件.tar.gz>",
    en: "Usage: pnpm --filter @civgrid/api restore [--lang=zh-CN|en] <archive.tar.gz>",
  },
  "restore.refused": { "zh-CN": "拒绝恢复：{reason}", en: "Refused: {reason}" },
  "restore.failed": {
    "zh-CN": "恢复失败，目标保持为空：{reason}",
    en: "The restore failed; the target was left empty: {reason}",
  },
  "restore.reading": { "zh-CN": "正在读取 {archive} …", en: "reading {archive} …" },
  "restore.checked": {
    "zh-CN": "备份时间 {time}（{engine}，{migrations} 次迁移，{files} 个文件）：校验和一致",
    en: "backup of {time} ({engine}, {migrations} migrations, {files} files): checksums match",
  },
  "restore.loading_server": {
    "zh-CN": "正在导入数据库（PostgreSQL 服务器）…",
    en: "loading the database (PostgreSQL server) …",
  },
  "restore.loading_embedded": {
    "zh-CN": "正在导入数据库（内置，{dir}）…",
    en: "loading the database (embedded, {dir}) …",
  },
  "restore.files_done": {
    "zh-CN": "已恢复 {files} 个文件到 {dir}",
    en: "restored {files} files into {dir}",
  },
  "restore.done": {
    "zh-CN": "完成：请用同样的 DATA_DIR / DATABASE_URL 和 FILES_DIR 启动 CivGrid",
    en: "done: start CivGrid with the same DATA_DIR / DATABASE_URL and FILES_DIR",
  },
  "restore.database_not_empty": {
    "zh-CN":
      "目标数据库不是空的（已有 {tables}…）。恢复只能写入空数据库：请新建一个（CREATE DATABASE）并让 DATABASE_URL 指向它。",
    en: "The target database is not empty (it has {tables}…). Restore only fills an empty database: create a new one (CREATE DATABASE) and point DATABASE_URL at it.",
  },
  "restore.data_dir_running": {
    "zh-CN":
      "数据目录 {dir} 正被运行中的 CivGrid 使用（有 postmaster.pid）。请先停止程序，并恢复到一个空目录。",
    en: "The data directory {dir} is held by a running CivGrid (postmaster.pid is there). Stop the app first, and restore into an empty directory.",
  },
  "restore.data_dir_not_empty": {
    "zh-CN":
      "数据目录 {dir} 不是空的（{entries}…）。恢复只能写入空目录：请把 DATA_DIR 设为新目录。",
    en: "The data directory {dir} is not empty ({entries}…). Restore only fills an empty directory: set DATA_DIR to a new one.",
  },
  "restore.files_not_empty": {
    "zh-CN":
      "文件目录 {dir} 不是空的。恢复只能写入空目录：请把 FILES_DIR（或 DATA_DIR）设为新目录。",
    en: "The files folder {dir} is not empty. Restore only fills an empty one: set FILES_DIR (or DATA_DIR) to a new folder.",
  },
  "restore.path_outside": {
    "zh-CN": "备份中有文件目录以外的路径：{name}",
    en: "The archive holds a path outside the files folder: {name}",
  },
  "restore.unreadable": {
    "zh-CN": "{archive} 不是可读的 CivGrid 备份：{detail}",
    en: "{archive} is not a readable CivGrid backup: {detail}",
  },
  "restore.not_backup": {
    "zh-CN": "{archive} 不是 CivGrid 备份（没有清单或数据库转储）。",
    en: "{archive} is not a CivGrid backup (no manifest or no database dump).",
  },
  "restore.dump_damaged": {
    "zh-CN": "{archive} 中的数据库转储已损坏（校验和不一致）。",
    en: "The database dump in {archive} is damaged (checksum mismatch).",
  },
  "restore.file_damaged": {
    "zh-CN": "{archive} 中的文件 {path} 缺失或已损坏。",
    en: "The file {path} in {archive} is missing or damaged.",
  },
  "notify.webhook_self": {
    "zh-CN": "不能指向本系统自身的地址",
    en: "must not point at this server itself",
  },
  "notify.email": { "zh-CN": "应为有效的电子邮箱地址", en: "must be a valid e-mail address" },
  "notify.time_of_day": {
    "zh-CN": "应为 00:00~23:59 之间的时间（时:分）",
    en: "must be a time of day from 00:00 to 23:59 (HH:MM)",
  },
  "notify.quiet_both": {
    "zh-CN": "免打扰的开始和结束时间要么都填，要么都不填",
    en: "give both the start and the end of the quiet hours, or neither",
  },
  "notify.channel_incomplete": {
    "zh-CN": "启用该通道前请填写：{fields}",
    en: "fill in before turning the channel on: {fields}",
  },
  "notify.test_failed": {
    "zh-CN": "测试消息发送失败：{error}。设置未作任何更改。",
    en: "The test message failed: {error}. Nothing was changed.",
  },
  "notify.delivery_not_retryable": {
    "zh-CN": "只有失败（死信）或跳过的消息可以重发",
    en: "only dead or skipped deliveries can be retried",
  },
  "notify.escalation_none": {
    "zh-CN": "至少设置一级督办",
    en: "set at least one escalation step",
  },
  "notify.escalation_level": {
    "zh-CN": "应为第 {level} 级（级别从 1 起连续编号）",
    en: "should be level {level} (levels count up from 1)",
  },
  "notify.escalation_days": {
    "zh-CN": "应多于上一级的 {days} 个工作日",
    en: "must be more than the previous step's {days} working days",
  },
  "notify.escalation_repeated": {
    "zh-CN": "同一对象不能重复选择",
    en: "each recipient may be chosen once",
  },
  "entity.delivery": { "zh-CN": "消息投递", en: "Delivery" },
  // Basemap settings (issue 22)
  "field.tile_template": {
    "zh-CN":
      "应为 http(s) 瓦片地址模板，含 {z}、{x}、{y}（WMTS 用 {TileMatrix}、{TileCol}、{TileRow}）",
    en: "must be an http(s) tile template with {z}, {x} and {y} (WMTS: {TileMatrix}, {TileCol}, {TileRow})",
  },
  "basemap.no_pmtiles": {
    "zh-CN": "还没有上传离线底图文件（PMTiles），请先上传。",
    en: "No offline basemap file (PMTiles) has been uploaded yet: upload one first.",
  },
  "basemap.not_pmtiles": {
    "zh-CN": "这不是 PMTiles 第 3 版文件，请用 pmtiles 工具导出的 .pmtiles 文件。",
    en: "This is not a PMTiles version 3 file: use a .pmtiles file made with the pmtiles tool.",
  },
  "basemap.pmtiles_too_large": {
    "zh-CN": "离线底图文件超过 {max} MB。",
    en: "The offline basemap file is larger than {max} MB.",
  },
  // --- Rankings (issue 15, loop pages): the columns page and XLSX share, and the notice title's filters.
  "rankingColumn.rank": { "zh-CN": "排名", en: "Rank" },
  "rankingColumn.name": { "zh-CN": "名称", en: "Name" },
  "rankingColumn.pointsLost": { "zh-CN": "失分", en: "Points lost" },
  "rankingColumn.problems": { "zh-CN": "问题数", en: "Problems" },
  "rankingColumn.open": { "zh-CN": "未销号", en: "Open" },
  "rankingColumn.overdue": { "zh-CN": "超期", en: "Overdue" },
  "rankingColumn.closed": { "zh-CN": "已销号", en: "Closed" },
  "rankingColumn.closedOnTime": { "zh-CN": "按期销号", en: "Closed on time" },
  "rankingColumn.onTimeRate": { "zh-CN": "按期整改率", en: "On-time rate" },
  "rankingColumn.reworkRate": { "zh-CN": "返工率", en: "Rework rate" },
  "rankingColumn.taskOnTimeRate": { "zh-CN": "任务按期完成率", en: "Tasks on time" },
  "rankingColumn.materialRate": { "zh-CN": "资料报送率", en: "Materials in" },
  "unitKind.public_hospital": { "zh-CN": "公立医院", en: "Public hospital" },
  "unitKind.private_hospital": { "zh-CN": "民营医院", en: "Private hospital" },
  "unitKind.out_of_town_hospital": { "zh-CN": "外地驻滕医院", en: "Out-of-town hospital" },
  "unitKind.cdc": { "zh-CN": "疾控中心", en: "Centre for disease control" },
  "unitKind.health_supervision": { "zh-CN": "卫生监督机构", en: "Health supervision" },
  "unitKind.community_health_centre": {
    "zh-CN": "社区卫生服务中心",
    en: "Community health centre",
  },
  "unitKind.bureau": { "zh-CN": "卫生健康局", en: "Health bureau" },
  "notice.category": { "zh-CN": "测评类别：{name}", en: "category: {name}" },
  "notice.unitKind": { "zh-CN": "单位类型：{name}", en: "unit kind: {name}" },
  "field.category_unknown_ranking": {
    "zh-CN": "找不到这个测评类别",
    en: "no such category in this city",
  },
  // Standard clients (issue 18): Open311 GeoReport v2 and the city's area.
  "problem.outside_city": {
    "zh-CN": "位置在本市范围外约 {km} 公里，不属于本市，请检查定位",
    en: "the position is about {km} km outside the city; check the location",
  },
  "open311.no_such_path": {
    "zh-CN": "GeoReport v2 没有这个地址：{path}",
    en: "GeoReport v2 has no resource at {path}",
  },
  "open311.format": {
    "zh-CN": "格式应为 .json 或 .xml",
    en: "the format must be .json or .xml",
  },
  "open311.service_not_found": {
    "zh-CN": "没有服务代码 {code}",
    en: "service_code {code} not found",
  },
  "open311.request_not_found": {
    "zh-CN": "没有编号为 {id} 的服务请求",
    en: "service_request_id {id} not found",
  },
  "open311.token_not_found": { "zh-CN": "没有令牌 {token}", en: "token {token} not found" },
  "open311.invalid_fields": {
    "zh-CN": "缺少或无效的字段：{fields}",
    en: "missing or invalid: {fields}",
  },
  "open311.location_required": {
    "zh-CN": "请给出位置（lat 与 long）或地址（address_string 或 address_id）",
    en: "give a location (lat and long) or an address (address_string or address_id)",
  },
  "open311.attribute_required": {
    "zh-CN": "必须填写属性 attribute[{code}]",
    en: "attribute[{code}] is required",
  },
  "open311.attribute_value": {
    "zh-CN": "属性 attribute[{code}] 的取值应为以下之一：{values}",
    en: "attribute[{code}] must be one of: {values}",
  },
  "open311.attribute_unknown": {
    "zh-CN": "服务 {service} 没有属性 {code}",
    en: "service {service} has no attribute {code}",
  },
  "open311.api_key": {
    "zh-CN": "api_key 缺失或无效",
    en: "api_key is missing or not valid",
  },
  "open311.too_many": {
    "zh-CN": "提交太频繁，请 {seconds} 秒后再试",
    en: "too many requests; try again in {seconds} seconds",
  },
  "open311.accepted": {
    "zh-CN": "已受理，将派发给责任单位整改",
    en: "accepted; it will be dispatched to the responsible unit",
  },
  "open311.waiting": {
    "zh-CN": "已收到，待定位：工作人员在地图上确定位置后派发",
    en: "received; waiting to be placed on the map by the office before it is dispatched",
  },
  "field.ogc_bbox": {
    "zh-CN":
      "bbox 应为四个数字（最小经度,最小纬度,最大经度,最大纬度）或六个数字（含高程）；bbox-crs 为 EPSG:4490 时纬度在前",
    en: "bbox must be four numbers (minLon,minLat,maxLon,maxLat) or six with heights; latitude first when bbox-crs is EPSG:4490",
  },
  "field.ogc_datetime": {
    "zh-CN":
      "datetime 应为 RFC 3339 时刻（如 2026-01-01T00:00:00+08:00），或区间「开始/结束」，开放的一端写 ..",
    en: "datetime must be an RFC 3339 instant (e.g. 2026-01-01T00:00:00+08:00) or an interval start/end, with .. for an open end",
  },
  "import.kml_mixed_geometry": {
    "zh-CN": "KML 地标「{name}」的 MultiGeometry 中含有 {found}，不是面，不能作为边界",
    en: "the KML placemark “{name}” has {found} in its MultiGeometry: not an area, so not an outline",
  },
  "import.garbled_text": {
    "zh-CN": "图层 {layer} 的字段 {field} 按 {encoding} 解码后出现乱码；请检查 .cpg 文件写的编码",
    en: "field {field} of layer {layer} is garbled when read as {encoding}; check the encoding the .cpg names",
  },
  "open311.contact": {
    "zh-CN": "创城办；市民也可在 {url} 随手拍",
    en: "The campaign office; citizens may also report at {url}",
  },
  "open311.key_service": {
    "zh-CN": "api_key 由创城办发放",
    en: "api_keys are issued by the campaign office",
  },
  "open311.status_waiting": { "zh-CN": "待定位", en: "waiting to be placed" },
  "open311.attribute.place_kind": {
    "zh-CN": "问题所在的地点类型",
    en: "the kind of place the problem is at",
  },
  "open311.place_kind.hospital_entrance": { "zh-CN": "医院出入口", en: "hospital entrance" },
  "open311.place_kind.waiting_hall": { "zh-CN": "候诊大厅", en: "waiting hall" },
  "open311.place_kind.hospital_window": { "zh-CN": "医院窗口", en: "hospital window" },
  "open311.place_kind.street": { "zh-CN": "街巷", en: "street" },
  "open311.place_kind.stairwell": { "zh-CN": "楼道", en: "stairwell" },
  "open311.place_kind.garbage_point": { "zh-CN": "垃圾投放点", en: "garbage point" },
  "open311.place_kind.notice_board": { "zh-CN": "宣传栏", en: "notice board" },
  "open311.place_kind.public_toilet": { "zh-CN": "公厕", en: "public toilet" },
  "open311.place_kind.market": { "zh-CN": "集贸市场", en: "market" },
  "entity.open311_request": { "zh-CN": "市民投诉", en: "Citizen request" },
  "open311.not_waiting": {
    "zh-CN": "该市民投诉已定位，无需再定位",
    en: "this citizen request has already been placed",
  },
} satisfies Catalogue;

export type MessageKey = keyof typeof messages;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

export function translate(
  key: MessageKey,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  return fillTemplate(messages[key][lang], params);
}

/**
 * A command's language: its --lang=… option, else the LANG / LC_ALL / LC_MESSAGES of the shell;
 * Chinese unless English is asked for (en, en_US.UTF-8…).
 */
export function commandLanguage(argv: string[], env: NodeJS.ProcessEnv = process.env): Lang {
  const option = argv.find((a) => a.startsWith("--lang="))?.slice("--lang=".length);
  const tag = (option ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? "").toLowerCase();
  return tag.startsWith("en") ? "en" : "zh-CN";
}

/** The caller's language from Accept-Language: English only when it is preferred over Chinese. */
export function languageOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return "zh-CN";
  for (const part of acceptLanguage.split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase() ?? "";
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return "zh-CN";
}
