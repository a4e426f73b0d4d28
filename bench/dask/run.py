#!/usr/bin/python3
"""The distributed run's throughput: lines/s and reports/s with 1 and 2 Dask workers on this
machine, against the same work in one `assess` process.

usage: run.py --build BUILDDIR [--n 20000] [--reports 1000] [--repeat 3]
              [--disk-dir DIR] [--tmpfs-dir DIR]

A scheduler and N single-threaded workers are started on 127.0.0.1 for each worker count, the
shipped driver (scripts/assess-dask.py) runs on a generated programme, and the median wall time
of --repeat runs is printed with the one-process figures beside it (`assess score --ndjson`,
`assess batch --reports-dir -j 1`). Start-up of the cluster is not timed; the driver's own
start-up, splitting, shipping the parts and gathering are.

The reports are written twice: to a tmpfs folder, where fsync costs nothing and the run is
bound by CPU, and to a folder on the disk, where every report's fsync (file and folder) is
paid and two workers share one journal. The two rows say which of the two limits a run.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests"))
import dask_check  # noqa: E402  the test's cluster start-up and stop, reused

PY = "/usr/bin/python3"


def timed(args, repeat, cwd):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--tmpfs-dir", default="/dev/shm", help="reports bound by CPU")
    ap.add_argument("--disk-dir", default="/var/tmp", help="reports paying their fsync")
    a = ap.parse_args()
    src = os.path.join(HERE, "..", "..")
    assess = os.path.join(a.build, "assess", "assess")
    os.environ.setdefault("ASSESS_QUESTIONNAIRES", os.path.join(src, "questionnaires"))
    dask_check.ASSESS = assess
    if not os.path.isdir(a.tmpfs_dir):
        a.tmpfs_dir = tempfile.gettempdir()
    work = tempfile.mkdtemp(prefix="bench-dask.", dir=a.tmpfs_dir)
    disk = tempfile.mkdtemp(prefix="bench-dask.", dir=a.disk_dir)
    places = (("tmpfs", work), ("disk", disk))
    gen = os.path.join(src, "bench", "portfolio", "generate.py")
    for name, n in (("lines.ndjson", a.n), ("reports.ndjson", a.reports)):
        with open(os.path.join(work, name), "wb") as f:
            subprocess.run([PY, gen, "-n", str(n)], stdout=f, check=True)
    rows = [("one process: score --ndjson", a.n,
             timed(["sh", "-c", "'%s' score --ndjson lines.ndjson >/dev/null" % assess],
                   a.repeat, work)),
            ] + [("one process: batch --reports-dir -j 1, reports on %s" % place, a.reports,
                  timed([assess, "batch", "-q", "-f", "--ndjson", "-o", "b.xlsx", "--reports-dir",
                         os.path.join(folder, "r1"), "-j", "1", "reports.ndjson"], a.repeat,
                        work))
                 for place, folder in places]
    driver = os.path.join(src, "scripts", "assess-dask.py")
    for workers in (1, 2):
        address, procs = dask_check.cluster(work, workers)
        try:
            base = [PY, driver, "--scheduler", address, "--assess", assess]
            rows.append(("Dask, %d worker%s: scores" % (workers, "s" if workers > 1 else ""),
                         a.n, timed(base + ["--lines-per-part", str(max(1, a.n // 8)),
                                            "lines.ndjson", "-o", "d.ndjson"], a.repeat, work)))
            for place, folder in places:
                rows.append(("Dask, %d worker%s: reports on %s"
                             % (workers, "s" if workers > 1 else "", place), a.reports,
                             timed(base + ["--lines-per-part", str(max(1, a.reports // 8)),
                                           "--reports-dir", os.path.join(folder, "rd"),
                                           "reports.ndjson", "-o", "e.ndjson"],
                                   a.repeat, work)))
        finally:
            for p in reversed(procs):
                dask_check.stop(p)
    print("| task | items | median wall (s) | per second |")
    print("|---|---:|---:|---:|")
    for name, n, t in rows:
        print("| %s | %d | %.2f | %.0f |" % (name, n, t, n / t))
    subprocess.run(["rm", "-rf", work, disk])
    return 0


if __name__ == "__main__":
    sys.exit(main())
