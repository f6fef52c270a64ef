// Fictional Chinese names and mobile numbers; every draw is unique within one dataset.
import type { Random } from "./random.ts";

// Surnames weighted towards those common in south-west Shandong (repeats make them likelier).
const SURNAMES = [
  ..."王王王张张张李李李刘刘孙孙杨赵陈徐马高宋郭孔颜褚曹田黄周吴胡朱韩冯董丁魏任邵侯秦",
  ..."史吕姜段程梁郑蒋许邱彭满龙殷",
];
const GIVEN = [
  ..."伟刚勇军磊强涛明亮杰鹏辉超斌波峰浩宇晨阳帅健凯建国志华春梅丽娜静敏燕霞红芳玲",
  ..."婷雪莉倩琳颖慧洁萍艳晓文欣雅彤璐蕾瑞晶振德新庆永海兴家宏立庭",
];
// Prefixes of the three carriers; the eight digits after them are random, so no real person.
const MOBILE_PREFIXES = [
  "134",
  "135",
  "136",
  "137",
  "138",
  "139",
  "150",
  "151",
  "152",
  "157",
  "158",
  "159",
  "130",
  "131",
  "132",
  "155",
  "156",
  "133",
  "153",
  "180",
  "189",
  "177",
];

export class NameBook {
  private readonly names = new Set<string>();
  private readonly mobiles = new Set<string>();

  constructor(private readonly random: Random) {}

  /** A two- or three-character name not handed out before. */
  name(): string {
    for (;;) {
      const given = this.random.chance(0.7)
        ? this.random.pick(GIVEN) + this.random.pick(GIVEN)
        : this.random.pick(GIVEN);
      const name = this.random.pick(SURNAMES) + given;
      if (!this.names.has(name)) {
        this.names.add(name);
        return name;
      }
    }
  }

  /** An 11-digit mobile number not handed out before. */
  mobile(): string {
    for (;;) {
      const digits = Array.from({ length: 8 }, () => this.random.int(0, 9)).join("");
      const mobile = this.random.pick(MOBILE_PREFIXES) + digits;
      if (!this.mobiles.has(mobile)) {
        this.mobiles.add(mobile);
        return mobile;
      }
    }
  }

  /** How citizens are named in complaints: surname and 先生/女士. */
  citizen(): string {
    return this.random.pick(SURNAMES) + this.random.pick(["先生", "女士"]);
  }
}
