#!/usr/bin/python3
"""The distributed run, for real: a Dask scheduler and two worker processes on 127.0.0.1, the
shipped driver (scripts/assess-dask.py) and the real assess binary on every worker.

What must hold:
1. the gathered result lines equal a one-machine `assess score --ndjson` of the same input, line
   for line (error records included, blank lines giving none);
2. with --reports-dir, exactly the reports a one-machine `assess batch --reports-dir` writes, each
   one a whole workbook, none left in staging, no temporary file;
3. a worker killed (SIGKILL) in the middle of a part loses nothing: the part is run again on the
   other worker and 1 and 2 still hold.
Every process is bounded in time and stopped by the test. Exit 77 (skip) without Dask.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import zipfile

ASSESS = os.environ.get("ASSESS", "assess")
TOP = os.path.join(os.environ.get("TESTS_SRCDIR", os.path.dirname(os.path.abspath(__file__))),
                   "..")
DRIVER = os.path.join(TOP, "scripts", "assess-dask.py")
GENERATE = os.path.join(TOP, "bench", "portfolio", "generate.py")
PY = sys.executable
failures = 0


def check(ok, what):
    global failures
    if not ok:
        failures += 1
        print("FAIL: " + what)


def start(args, log, cwd):
    # Own process group, so that stop() ends the process and anything it started.
    return subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, cwd=cwd,
                            start_new_session=True)


def stop(p):
    if p.poll() is None:
        os.killpg(p.pid, signal.SIGTERM)
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()


def wait_for(pred, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if pred():
            return True
        time.sleep(0.1)
    raise RuntimeError("timed out waiting for " + what)


def cluster(work, n_workers):
    """A scheduler and n single-threaded workers without nannies, so a killed worker stays
    dead and its part must be retried elsewhere."""
    log = open(os.path.join(work, "cluster.log"), "ab")
    sched_file = os.path.join(work, "scheduler.json")
    procs = [start(["dask-scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                    "--scheduler-file", sched_file], log, work)]
    wait_for(lambda: os.path.exists(sched_file) and os.path.getsize(sched_file) > 0, 60,
             "the scheduler")
    time.sleep(0.2)
    address = json.load(open(sched_file))["address"]
    for i in range(n_workers):
        procs.append(start(["dask-worker", address, "--nworkers", "1", "--nthreads", "1",
                            "--no-nanny", "--no-dashboard", "--host", "127.0.0.1",
                            "--local-directory", os.path.join(work, "w%d" % i)], log, work))
    from distributed import Client
    with Client(address, timeout=60) as c:
        c.wait_for_workers(n_workers, timeout=60)
    return address, procs


def driver(address, args, work):
    return start([PY, DRIVER, "--scheduler", address, "--assess", ASSESS, *args],
                 open(os.path.join(work, "driver.log"), "ab"), work)


def whole_workbook(path):
    try:
        with zipfile.ZipFile(path) as z:
            return z.testzip() is None and "xl/workbook.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


def reports_in(folder):
    return sorted(n for n in os.listdir(folder))


def main():
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("SKIP: no Dask distributed (Debian python3-distributed)")
        return 77
    work = tempfile.mkdtemp(prefix="assess-dask.")
    procs = []
    try:
        inp = os.path.join(work, "programme.ndjson")
        with open(inp, "wb") as f:
            subprocess.run([PY, GENERATE, "-n", "300", "--bad-every", "37"], stdout=f,
                           check=True)
        with open(inp, "ab") as f:  # a blank line and a line that is not JSON at the end
            f.write(b"\n{not json\n")
        expected = subprocess.run([ASSESS, "score", "--ndjson", "programme.ndjson"], cwd=work,
                                  capture_output=True).stdout.splitlines()
        check(len(expected) == 301, "one-machine run gave %d lines, not 301" % len(expected))
        single = os.path.join(work, "single")
        subprocess.run([ASSESS, "batch", "-q", "--ndjson", "-o", os.path.join(work, "s.xlsx"),
                        "--reports-dir", single, inp], capture_output=True)
        want_reports = reports_in(single)
        check(len(want_reports) > 280, "one-machine batch wrote %d reports" % len(want_reports))

        address, procs = cluster(work, 2)

        # 1. Scores only, 7 parts over 2 workers.
        d = driver(address, ["--lines-per-part", "45", "programme.ndjson", "-o", "a.ndjson"],
                   work)
        check(d.wait(300) == 65, "driver exit %s, expected 65 (some lines are errors)"
              % d.returncode)
        got = open(os.path.join(work, "a.ndjson"), "rb").read().splitlines()
        check(got == expected, "gathered results differ from the one-machine run (%d vs %d "
              "lines)" % (len(got), len(expected)))

        # 2 and 3. Reports, with one worker killed while its part is being written.
        reports = os.path.join(work, "reports")
        d = driver(address, ["--lines-per-part", "50", "--reports-dir", reports,
                             "--portfolio", "p.xlsx", "programme.ndjson", "-o", "b.ndjson"],
                   work)
        wait_for(lambda: os.path.isdir(reports) and any(
            n.startswith(".staging-") and os.listdir(os.path.join(reports, n))
            for n in os.listdir(reports)), 120, "a part writing its reports")
        victim = procs[1]
        os.killpg(victim.pid, signal.SIGKILL)  # the worker and the assess it runs
        victim.wait()
        check(d.wait(300) == 65, "driver exit %s after a worker was killed, expected 65"
              % d.returncode)
        got = open(os.path.join(work, "b.ndjson"), "rb").read().splitlines()
        check(got == expected, "results after a killed worker differ from the one-machine run")
        have = reports_in(reports)
        check(have == want_reports, "reports differ from a one-machine batch: %d vs %d, "
              "e.g. %s" % (len(have), len(want_reports),
                           sorted(set(have) ^ set(want_reports))[:3]))
        broken = [n for n in have if not whole_workbook(os.path.join(reports, n))]
        check(not broken, "reports not whole: %s" % broken[:3])
        check(whole_workbook(os.path.join(work, "p.xlsx")), "no whole portfolio workbook")
        log = open(os.path.join(work, "driver.log"), "rb").read().decode(errors="replace")
        check("report of part" not in log, "a report was written twice: " + log[-300:])
        print("dask: %d lines, %d reports, one worker killed mid-part; %d failed"
              % (len(got), len(have), failures))
    finally:
        for p in reversed(procs):
            stop(p)
        subprocess.run(["rm", "-rf", work])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
