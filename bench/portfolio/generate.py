#!/usr/bin/python3
"""Generate N synthetic, valid assessments for the portfolio benchmarks (seeded, reproducible).

Each enterprise gets a latent "maturity" that drives its answers, so the levels spread over
0-4 the way a real pilot's do (most at 1-2, few at 4). Options, exclusive "none" options and
scenario ids are read from the questionnaire definition, so the answers are valid for it.

    generate.py --seed 1 -n 10000 > answers.ndjson          # one answer object a line
    generate.py --seed 1 -n 1000 --split DIR               # one answer file each, in DIR
    generate.py --seed 1 -n 1000 --bad-every 100 > x.ndjson # every 100th line is broken

Standard library only: it runs with Debian's /usr/bin/python3.
"""
import argparse
import json
import os
import random
import sys
import xml.etree.ElementTree as ET

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
INDUSTRIES = ["休闲体育用品", "纺织服装", "食品加工", "电子信息", "机械装备", "建材家居",
              "新材料", "生物医药", "汽车零部件", "石化化工"]
REGIONS = ["福建省泉州市晋江市", "福建省泉州市石狮市", "福建省厦门市湖里区", "福建省莆田市涵江区",
           "福建省莆田市城厢区", "宁夏回族自治区石嘴山市平罗县", "福建省泉州市南安市",
           "福建省厦门市集美区", "福建省福州市长乐区", "浙江省宁波市慈溪市"]
SIZES = ["微型", "小型", "中型"]
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_QN = os.path.join(HERE, "..", "..", "questionnaires", "miit-2024.xml")


def credit_code(rng):
    """A code with a correct GB 32100 check character."""
    first = "91" + "".join(rng.choice("0123456789") for _ in range(6)) + \
        "".join(rng.choice(ALPHABET) for _ in range(9))
    total = sum(ALPHABET.index(c) * w for c, w in zip(first, WEIGHTS))
    return first + ALPHABET[(31 - total % 31) % 31]


def load_questions(path):
    root = ET.parse(path).getroot()
    out = []
    for q in root.iter("question"):
        opts = [(o.get("code"), o.get("exclusive") == "true") for o in q.findall("option")]
        out.append((q.get("id"), q.get("kind"), opts))
    return out


def answer(rng, kind, opts, m):
    """An answer that leans towards the top options when the maturity m (0..1) is high."""
    if kind == "scenario":
        return max(0, min(4, int(round(rng.gauss(m * 4.2, 0.9)))))
    if kind == "single":
        i = int(round(rng.gauss(m * (len(opts) - 1), 1.0)))
        return opts[max(0, min(len(opts) - 1, i))][0]
    picks = [c for c, excl in opts if not excl and rng.random() < m]
    if not picks:
        none = [c for c, excl in opts if excl]
        picks = none[:1] or [opts[0][0]]
    return picks


def enterprise(rng, i, questions, stage, date):
    m = min(1.0, max(0.0, rng.betavariate(2.2, 2.6)))
    spend = rng.randrange(50, 400) * 10000
    above = rng.random() < 0.6
    return {
        "questionnaire": "miit-2024",
        "enterprise": {
            "name": "合成企业%06d有限公司" % i,
            "credit_code": credit_code(rng),
            "industry": rng.choice(INDUSTRIES),
            "size": rng.choice(SIZES),
            "above_scale": above,
            "region": rng.choice(REGIONS),
        },
        "assessment": {"date": date, "stage": stage, "assessor": "基准测试"},
        "answers": {qid: answer(rng, kind, opts, m) for qid, kind, opts in questions},
        "finance": {
            "project_spend": {"software": spend * 6 // 10, "cloud": spend // 10,
                              "hardware": spend * 2 // 10, "services": spend // 10},
            "cloud_annual_fee": rng.randrange(0, 20) * 10000,
            "revenue_last_year": rng.randrange(5, 500) * 1000000,
            "batch": rng.choice([1, 2]),
        },
        "status": {"above_scale": above, "in_standard_park": rng.random() < 0.2,
                   "city_leader": rng.random() < 0.05},
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, required=True, help="how many assessments")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--stage", default="post", choices=["baseline", "post"])
    ap.add_argument("--date", default="2026-06-30",
                    help="assessment date (default inside the Pingluo, Putian and Quanzhou windows)")
    ap.add_argument("--split", metavar="DIR", help="write one file per assessment into DIR")
    ap.add_argument("--bad-every", type=int, default=0,
                    help="make every Kth assessment invalid (an unknown option)")
    ap.add_argument("--questionnaire", default=DEFAULT_QN)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    questions = load_questions(args.questionnaire)
    if args.split:
        os.makedirs(args.split, exist_ok=True)
    out = sys.stdout
    for i in range(1, args.n + 1):
        doc = enterprise(rng, i, questions, args.stage, args.date)
        if args.bad_every and i % args.bad_every == 0:
            doc["answers"]["F2"] = "Z"
        if args.split:
            with open(os.path.join(args.split, "e%06d.json" % i), "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False, indent=1)
                f.write("\n")
        else:
            out.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")


if __name__ == "__main__":
    main()
