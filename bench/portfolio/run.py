#!/usr/bin/python3
"""Time score --ndjson, batch and batch --reports-dir against the Python peer (bench/portfolio).

    run.py --build BUILDDIR [--n 1000,10000,100000] [--repeat 3] [--out results.md]

For each N it generates N assessments (generate.py, seed 1, cached), then runs the tasks in
turn, `--repeat` rounds (`--big-repeat` at N >= 100,000; `--report-repeat` for the tasks that
write reports), and reports the median wall time, the rate, the CPU time (user + system, workers
included) and the peak resident memory of the process tree.
The machine's load average is printed with the results: on a shared machine it matters.
"""
import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.abspath(os.path.join(HERE, "..", ".."))
PY = "/usr/bin/python3"


def measure(argv, stdin=None, stdout=None, cwd=None, env=None):
    """Wall seconds, CPU seconds and peak RSS (MiB) of one run; its exit status.

    The peak RSS comes from GNU time, which forks a small process before exec: measured from
    here, a child's high-water mark would start at this Python process's own size."""
    fd, stats = tempfile.mkstemp(prefix="assess-bench-time.")
    os.close(fd)
    start = time.perf_counter()
    p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", stats] + argv, stdin=stdin,
                         stdout=stdout or subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd,
                         env=env)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    with open(stats) as f:
        rss_kib = int(f.read().split()[-1])
    os.unlink(stats)
    code = os.waitstatus_to_exitcode(status)
    return wall, ru.ru_utime + ru.ru_stime, rss_kib / 1024.0, code, err


def tasks(assess, n, work, reports_max, jobs):
    inp = os.path.join(work, "input-%d.ndjson" % n)
    out = os.path.join(work, "out")
    xlsx = os.path.join(work, "portfolio.xlsx")
    rep = os.path.join(work, "reports")
    floor = os.path.join(os.path.dirname(os.path.dirname(assess)), "bench", "portfolio",
                         "cjson-floor")
    t = [("cJSON parse+free only", [floor, inp], out, None)] if os.path.exists(floor) else []
    t += [
        ("score --ndjson", [assess, "score", "--ndjson", inp], out, None),
        ("peer: score", [PY, os.path.join(HERE, "peer.py"), "score", inp], out, None),
        ("batch", [assess, "batch", "-q", "-f", "-o", xlsx, inp], None, None),
        ("batch --policy pingluo", [assess, "batch", "-q", "-f", "-o", xlsx, "--policy", "pingluo",
                                    inp], None, None),
        ("peer: portfolio", [PY, os.path.join(HERE, "peer.py"), "portfolio", inp, xlsx], None, None),
    ]
    if n <= reports_max:
        for j in jobs:
            if n >= 100000 and j != jobs[-1]:
                continue
            t.append(("batch --reports-dir -j %d" % j,
                      [assess, "batch", "-q", "-f", "-o", xlsx, "--reports-dir", rep, "-j", str(j),
                       inp], None, rep))
    return t


def run_once(name, argv, out_path, clean, env):
    if clean:
        shutil.rmtree(clean, ignore_errors=True)
    out = open(out_path, "wb") if out_path else None
    try:
        wall, cpu, rss, code, err = measure(argv, stdout=out, env=env)
    finally:
        if out:
            out.close()
    if clean:
        shutil.rmtree(clean, ignore_errors=True)
    if code != 0:
        sys.exit("%s failed (%d):\n%s" % (name, code, err[-2000:]))
    return wall, cpu, rss


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", required=True, help="the build folder (assess/assess in it)")
    ap.add_argument("--n", default="1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--big-repeat", type=int, default=1,
                    help="rounds at N >= 100,000 (each peer round there takes about 35 s)")
    ap.add_argument("--report-repeat", type=int, default=1,
                    help="runs of the tasks that write reports (slow)")
    ap.add_argument("--jobs", default="1,2", help="report workers to try")
    ap.add_argument("--reports-max", type=int, default=100000,
                    help="largest N to write per-enterprise reports for")
    ap.add_argument("--tasks", default="",
                    help="only the tasks whose name matches this regular expression")
    ap.add_argument("--work", help="scratch folder (default BUILD/bench-portfolio)")
    ap.add_argument("--out", help="also write the table to this file")
    args = ap.parse_args()
    assess = os.path.join(os.path.abspath(args.build), "assess", "assess")
    work = args.work or os.path.join(os.path.abspath(args.build), "bench-portfolio")
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, ASSESS_QUESTIONNAIRES=os.path.join(SRC, "questionnaires"),
               ASSESS_POLICIES=os.path.join(SRC, "policies"), LC_ALL="C.UTF-8")
    jobs = [int(j) for j in args.jobs.split(",")]
    lines = ["load average before: %.2f %.2f %.2f; %d CPUs; %s; Python %s" %
             (*os.getloadavg(), os.cpu_count(), platform.machine(), platform.python_version()),
             "",
             "| N | task | runs | median wall (s) | per second | CPU (s) | peak RSS (MiB) |",
             "|---:|---|---:|---:|---:|---:|---:|"]
    medians, cpus = {}, {}
    for n in (int(x) for x in args.n.split(",")):
        inp = os.path.join(work, "input-%d.ndjson" % n)
        if not os.path.exists(inp):
            with open(inp + ".tmp", "wb") as f:
                subprocess.run([PY, os.path.join(HERE, "generate.py"), "-n", str(n), "--seed", "1"],
                               stdout=f, check=True)
            os.rename(inp + ".tmp", inp)
        todo = [t for t in tasks(assess, n, work, args.reports_max, jobs)
                if re.search(args.tasks, t[0])]
        runs = {name: [] for name, _, _, _ in todo}
        # Round-robin, so that what the machine's neighbours do falls on every task alike.
        for i in range(args.big_repeat if n >= 100000 else args.repeat):
            for name, argv, out, clean in todo:
                if clean and i >= args.report_repeat:
                    continue
                runs[name].append(run_once(name, argv, out and os.path.join(work, "out"), clean,
                                           env))
        for name, _, _, _ in todo:
            repeat = len(runs[name])
            wall = statistics.median(r[0] for r in runs[name])
            cpu = statistics.median(r[1] for r in runs[name])
            rss = max(r[2] for r in runs[name])
            medians[(name, n)] = wall
            cpus[(name, n)] = cpu
            row = "| %d | %s | %d | %.3f | %.0f | %.2f | %.1f |" % (n, name, repeat, wall, n / wall,
                                                                  cpu, rss)
            print(row, flush=True)
            lines.append(row)
    lines += ["", "Growth of the median wall time with N (x10 N):", ""]
    ns = sorted({n for _, n in medians})
    for name in dict.fromkeys(k[0] for k in medians):
        steps = ["%d->%d: x%.1f" % (a, b, medians[(name, b)] / medians[(name, a)])
                 for a, b in zip(ns, ns[1:]) if (name, a) in medians and (name, b) in medians]
        if steps:
            lines.append("- %s: %s" % (name, ", ".join(steps)))
    lines += ["", "Python peer / C (median wall; median CPU):", ""]
    for n in ns:
        for c, p in (("score --ndjson", "peer: score"), ("batch", "peer: portfolio")):
            if (c, n) in medians and (p, n) in medians:
                lines.append("- N=%d %s: %.1fx; %.1fx" % (n, c, medians[(p, n)] / medians[(c, n)],
                                                        cpus[(p, n)] / cpus[(c, n)]))
    text = "\n".join(lines) + "\n"
    print()
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
