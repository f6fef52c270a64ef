// The demo's campaign: 2023 创建全国文明城市总评年 with its four phases placed around `now` (so the
// implementation phase is current whenever the demo loads), a handful of tasks for the hospitals
// and grids (some done, one overdue), and two weeks of materials (one late, one missing, one
// returned). Deterministic: choices follow the units' order, not chance.
import { chinaDate, chinaWeekday } from "@civgrid/geo";
import type { SeedCampaign, SeedGrid, SeedUnit } from "../dataset.ts";

const DAY_MS = 86_400_000;

/** YYYY-MM-DD in China of the day `days` after `now` (a China midnight). */
function dateAfter(now: Date, days: number): string {
  return chinaDate(new Date(now.getTime() + days * DAY_MS));
}
const deadlineOn = (date: string) => new Date(`${date}T23:59:59+08:00`).toISOString();
const at = (now: Date, days: number, hour: number) =>
  new Date(now.getTime() + days * DAY_MS + hour * 3_600_000).toISOString();

export function buildCampaign(units: SeedUnit[], grids: SeedGrid[], now: Date): SeedCampaign {
  const hospitals = units.filter((u) => u.kind.endsWith("hospital")).map((u) => u.key);
  // Monday of this week in China, and the two weeks before it.
  const weekday = chinaWeekday(now);
  const thisMonday = -weekday;
  const weeks = [thisMonday - 14, thisMonday - 7];

  return {
    name: "2023年创建全国文明城市总评年",
    year: 2023,
    phases: [
      { phase: "mobilisation", startsOn: dateAfter(now, -70), endsOn: dateAfter(now, -29) },
      { phase: "implementation", startsOn: dateAfter(now, -28), endsOn: dateAfter(now, 60) },
      { phase: "assessment", startsOn: dateAfter(now, 61), endsOn: dateAfter(now, 120) },
      { phase: "consolidation", startsOn: dateAfter(now, 121), endsOn: dateAfter(now, 300) },
    ],
    tasks: [
      {
        title: "制定本单位创城工作方案，签订创城责任状",
        description:
          "明确主要负责人、分管负责人、科室负责人和云平台管理员四职责任人，责任状报创城办备案。",
        phase: "mobilisation",
        deadline: deadlineOn(dateAfter(now, -40)),
        unitKeys: hospitals,
        gridKeys: [],
        progress: hospitals.map((unitKey, i) => ({
          unitKey,
          status: "done" as const,
          progress: 100,
          note: "工作方案已印发，责任状已签订",
          // Two hospitals finished a few days after the deadline.
          completedAt: at(now, i < 2 ? -37 : -45 + (i % 4), 10),
        })),
      },
      {
        title: "院区门前三包及周边环境整治",
        description: "门前无乱堆乱放、无占道经营，非机动车停放有序，责任牌上墙。",
        phase: "implementation",
        deadline: deadlineOn(dateAfter(now, -3)),
        unitKeys: hospitals,
        gridKeys: [],
        // Ten done in time; the last five are overdue, two of them started.
        progress: hospitals.flatMap((unitKey, i): SeedCampaign["tasks"][number]["progress"] =>
          i < 10
            ? [
                {
                  unitKey,
                  status: "done" as const,
                  progress: 100,
                  note: "门前已清理，责任牌已上墙",
                  completedAt: at(now, -6 + (i % 3), 16),
                },
              ]
            : i < 12
              ? [
                  {
                    unitKey,
                    status: "in_progress" as const,
                    progress: 60,
                    note: "非机动车停放区正在施划",
                  },
                ]
              : [],
        ),
      },
      {
        title: "公益广告及创城宣传氛围营造",
        description: "院区显著位置设置公益广告不少于 5 处，候诊区电子屏滚动播放创城标语。",
        phase: "implementation",
        deadline: deadlineOn(dateAfter(now, 14)),
        unitKeys: hospitals,
        gridKeys: [],
        progress: hospitals.flatMap((unitKey, i): SeedCampaign["tasks"][number]["progress"] =>
          i % 3 === 0
            ? [
                {
                  unitKey,
                  status: "done" as const,
                  progress: 100,
                  note: "公益广告 6 处已设置",
                  completedAt: at(now, -2, 11),
                },
              ]
            : i % 3 === 1
              ? [
                  {
                    unitKey,
                    status: "in_progress" as const,
                    progress: 40,
                    note: "广告画面已设计，待制作",
                  },
                ]
              : [],
        ),
      },
      {
        title: "帮包网格楼道堆物清理",
        description: "配合社区清理楼道杂物、小广告，建立楼道长制度。",
        phase: "implementation",
        deadline: deadlineOn(dateAfter(now, 21)),
        unitKeys: [],
        gridKeys: grids.map((g) => g.key),
        progress: [],
        gridProgress: grids.slice(0, 4).map((g) => ({
          gridKey: g.key,
          status: "done" as const,
          progress: 100,
          note: "楼道杂物已清理完毕",
          completedAt: at(now, -1, 15),
        })),
      },
    ],
    materials: hospitals.flatMap((unitKey, i) =>
      weeks.flatMap((week, w) => {
        // The last hospital sent nothing two weeks ago; the one before it was late both weeks.
        if (w === 0 && i === hospitals.length - 1) return [];
        const late = i === hospitals.length - 2;
        const submittedAt = at(now, week + (late ? 6 : 3), 9 + (i % 8));
        return [
          {
            unitKey,
            week: dateAfter(now, week),
            category: w === 0 ? ("activity_report" as const) : ("photos" as const),
            title: w === 0 ? "创城志愿服务活动简报" : "门前三包整治前后照片",
            submittedAt,
            // The first hospital's photos were returned: taken from too far away.
            status:
              w === 1 && i === 0
                ? ("returned" as const)
                : w === 0
                  ? ("accepted" as const)
                  : ("submitted" as const),
            ...(w === 1 && i === 0 && { reviewNote: "照片看不清责任牌内容，请近距离重拍" }),
          },
        ];
      }),
    ),
  };
}
