// The kinds of problems patrols, inspectors and citizens report, each tied to a standard item.
import type { PointKind, SeedProblem } from "../dataset.ts";

export interface ProblemTemplate {
  description: string;
  /** What the unit writes when it submits the rectification. */
  fix: string;
  itemCode: string;
  severity: SeedProblem["severity"];
  /** Points where it is found; a template with "street" may also be found between points. */
  kinds: PointKind[];
}

const HOSPITAL: PointKind[] = ["hospital_entrance", "waiting_hall", "hospital_window"];

// biome-ignore format: one template per line reads as a catalogue
export const PROBLEM_TEMPLATES: ProblemTemplate[] = [
  t("楼道堆放杂物，影响通行", "已清理楼道杂物，并张贴文明温馨提示", "1.2", "normal", ["stairwell"]),
  t("楼道内停放电动车并“飞线”充电", "已劝离电动车、拆除飞线，引导至集中充电点", "10.4", "serious", ["stairwell"]),
  t("楼道墙面小广告未清理", "已铲除小广告并粉刷墙面", "1.3", "minor", ["stairwell"]),
  t("楼道消防通道被杂物堵塞", "已清空通道杂物，畅通消防通道", "10.1", "serious", ["stairwell"]),
  t("垃圾桶满溢未及时清运", "已联系环卫清运，并增加清运频次", "9.2", "normal", ["garbage_point"]),
  t("垃圾分类标识缺失", "已补齐分类标识", "9.1", "minor", ["garbage_point"]),
  t("垃圾投放点周边散落垃圾、有异味", "已清扫冲洗投放点，安排专人值守", "9.2", "normal", ["garbage_point"]),
  t("公益广告破损", "已更换新的公益广告", "3.2", "minor", ["notice_board", "street"]),
  t("宣传栏内容过期未更换", "已更换宣传栏内容并标注更换日期", "11.1", "minor", ["notice_board"]),
  t("道路两侧非机动车乱停乱放", "已组织志愿者规范摆放，施划停车线", "1.4", "normal", ["street"]),
  t("路面有积存污水", "已清理积水并疏通雨水口", "1.1", "normal", ["street"]),
  t("沿街商户占道经营", "已劝导商户退店经营，签订门前三包责任书", "1.5", "normal", ["street", "market"]),
  t("绿化带内有白色垃圾、烟头", "已清理绿化带垃圾", "1.1", "minor", ["street"]),
  t("电线杆、墙面“牛皮癣”", "已清除小广告", "1.3", "minor", ["street", "notice_board"]),
  t("公厕地面湿滑、有异味", "已彻底保洁并加强通风，落实保洁记录", "8.1", "normal", ["public_toilet"]),
  t("公厕未配备洗手液、手纸", "已补齐洗手液和手纸", "8.2", "minor", ["public_toilet"]),
  t("公厕保洁记录未按时填写", "已落实专人保洁并按时记录", "8.3", "minor", ["public_toilet"]),
  t("市场内禽类区域污水横流", "已冲洗地面、疏通排水沟，督促商户规范经营", "1.1", "serious", ["market"]),
  t("市场出入口乱堆乱放", "已清理堆放物，规范出入口秩序", "1.5", "normal", ["market"]),
  t("候诊区有人吸烟", "已劝阻吸烟者，增设控烟巡查员", "5.2", "serious", ["waiting_hall"]),
  t("挂号窗口未设置一米线", "已施划一米线并安排志愿者引导", "2.2", "normal", ["hospital_window"]),
  t("窗口工作人员未佩戴工作牌", "已要求全员亮牌上岗，纳入科室考核", "6.2", "minor", ["hospital_window"]),
  t("窗口未公示投诉电话", "已在窗口醒目位置公示投诉电话", "6.3", "minor", ["hospital_window"]),
  t("门诊大厅导医台无人值守", "已调整导医排班，确保全天在岗", "2.1", "normal", ["waiting_hall"]),
  t("志愿服务岗无人值守", "已安排志愿者轮流值守", "4.1", "normal", ["waiting_hall"]),
  t("电子屏未播放公益宣传内容", "已恢复电子屏滚动播放公益宣传", "3.3", "minor", ["waiting_hall"]),
  t("院门口机动车乱停放", "已安排保安疏导，规范停放", "1.4", "normal", ["hospital_entrance"]),
  t("院门口流动摊贩聚集", "已联合执法部门清理摊贩，落实门前三包", "1.5", "normal", ["hospital_entrance"]),
  t("无障碍通道被杂物占用", "已清理无障碍通道", "7.1", "normal", ["hospital_entrance"]),
  t("出入口缺少禁烟标识", "已补贴禁烟标识", "5.1", "minor", HOSPITAL),
];

function t(
  description: string,
  fix: string,
  itemCode: string,
  severity: SeedProblem["severity"],
  kinds: PointKind[],
): ProblemTemplate {
  return { description, fix, itemCode, severity, kinds };
}
