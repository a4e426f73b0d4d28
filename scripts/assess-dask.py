#!/usr/bin/python3
"""assess-dask: score a programme, and write its reports, on a Dask cluster.

    assess-dask.py --scheduler tcp://127.0.0.1:8786 programme.ndjson -o scores.ndjson
        [--reports-dir DIR] [--portfolio FILE.xlsx] [--lines-per-part N] [--assess PATH]
        [--retries N] [--timeout S] [-- ASSESS_OPTIONS...]

The cluster is one the platform already runs (any Dask distributed scheduler and workers); this
script only splits the input, hands each part to a worker and puts the answers back together.
Each worker runs the real `assess` binary on its part:

- `assess score --ndjson` for the result lines. Every non-blank input line gives exactly one
  output line (a result or an error record), and the gathered file is, line for line, what
  `assess score --ndjson programme.ndjson` prints on one machine: each part's `"line"` numbers
  are shifted back to the line's place in the whole file and `"source"` names that file.
- with --reports-dir, `assess batch --reports-dir` for one diagnostic report per enterprise.
  A part writes into a staging folder of its own attempt; only when the part has finished are
  its reports moved into DIR, by rename. A worker killed in the middle of a part therefore
  leaves nothing in DIR: the scheduler runs the part again (on any worker) and that attempt's
  reports are the ones moved. A report is never half written and never there twice.

Reports are named as `assess batch` names them (CREDITCODE-STAGE.xlsx). An enterprise without a
credit code is named by its part and its row in the part (part-00003-row-000007.xlsx), since
row numbers restart in every part. Two parts holding the same credit code and stage is an error
(the first part's report is kept), as it is within one batch.

With --portfolio, the portfolio workbook is written once, at the end, by `assess batch` on this
machine (scoring is cheap next to the reports: 100,000 enterprises take a few seconds).

Exit status: 0 all lines scored; 65 some lines are error records (the output is complete);
69 the cluster could not be reached; 70 a part failed more than --retries times; 73/74 an
output could not be created or written. Outputs are written to a temporary file and renamed
into place, so a failed run leaves no partial file.
"""
import argparse
import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import uuid

EX_DATAERR, EX_UNAVAILABLE, EX_SOFTWARE, EX_CANTCREAT, EX_IOERR = 65, 69, 70, 73, 74
HEAD = re.compile(rb'^\{"source":"stdin","line":([0-9]+),')


def _die_with_parent():
    """Runs in the child before exec: a worker that is killed takes its assess with it."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def run_part(part, first_line, text, assess, env, reports_root, extra):
    """On a worker: one part of the input. Returns (part, score output, staging folder or None,
    exit statuses). Everything it writes is private to this attempt until the driver moves it."""
    environ = dict(os.environ, **env)
    score = subprocess.run([assess, "score", "--ndjson", *extra, "-"], input=text,
                           capture_output=True, env=environ, preexec_fn=_die_with_parent)
    if score.returncode not in (0, EX_DATAERR):
        raise RuntimeError("part %d: assess score exited %d: %s"
                           % (part, score.returncode, score.stderr.decode(errors="replace")))
    staging, batch_status = None, None
    if reports_root:
        staging = os.path.join(reports_root, ".staging-%05d-%s" % (part, uuid.uuid4().hex))
        os.makedirs(staging)
        with tempfile.TemporaryDirectory() as scratch:
            book = os.path.join(scratch, "part.xlsx")
            batch = subprocess.run([assess, "batch", "-q", "--ndjson", "-o", book,
                                    "--reports-dir", staging, *extra, "-"],
                                   input=text, capture_output=True, env=environ,
                                   preexec_fn=_die_with_parent)
        batch_status = batch.returncode
        if batch_status not in (0, EX_DATAERR):
            shutil.rmtree(staging, ignore_errors=True)
            raise RuntimeError("part %d: assess batch exited %d: %s"
                               % (part, batch_status, batch.stderr.decode(errors="replace")))
    return part, first_line, score.stdout, staging, score.returncode


def split(path, lines_per_part):
    """(part, first line number, bytes) for consecutive runs of lines_per_part lines."""
    with open(path, "rb") as f:
        lines = f.read().splitlines(keepends=True)
    for part, start in enumerate(range(0, len(lines), lines_per_part)):
        yield part, start + 1, b"".join(lines[start:start + lines_per_part])


def json_string(s):
    """The file name as assess writes it in "source": JSON, UTF-8 kept as it is."""
    out = ['"']
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out).encode()


def relocate(output, first_line, source):
    """A part's result lines with the whole file's line numbers and name."""
    fixed = []
    for line in output.splitlines(keepends=True):
        m = HEAD.match(line)
        if not m:
            raise RuntimeError("unexpected result line: %r" % line[:80])
        number = int(m.group(1)) + first_line - 1
        fixed.append(b'{"source":' + source + b',"line":%d,' % number + line[m.end():])
    return fixed


def move_reports(staging, part, reports_dir, seen, problems):
    """A finished part's reports into reports_dir, by rename; duplicates are problems."""
    for name in sorted(os.listdir(staging)):
        if not name.endswith(".xlsx") or name.startswith("."):
            continue
        target = name
        if name.startswith("row-"):
            target = "part-%05d-%s" % (part, name)
        if target in seen:
            problems.append("%s: report of part %d and of part %d: the first is kept"
                            % (target, seen[target], part))
            continue
        seen[target] = part
        os.replace(os.path.join(staging, name), os.path.join(reports_dir, target))
    sync_folder(reports_dir)  # the renames themselves survive a crash, as batch's own do
    shutil.rmtree(staging, ignore_errors=True)


def sync_folder(path):
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path, chunks):
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            for c in chunks:
                f.write(c)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    sync_folder(folder)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="NDJSON programme file: one answer object per line")
    p.add_argument("-o", "--output", required=True, help="the gathered result lines")
    p.add_argument("--scheduler", required=True, help="the Dask scheduler, tcp://HOST:PORT")
    p.add_argument("--reports-dir", help="also one diagnostic report per enterprise here")
    p.add_argument("--portfolio", help="also the portfolio workbook, written once at the end")
    p.add_argument("--lines-per-part", type=int, default=5000)
    p.add_argument("--assess", default="assess", help="the assess binary on the workers")
    p.add_argument("--retries", type=int, default=3, help="attempts after a part fails")
    p.add_argument("--timeout", type=float, default=3600, help="seconds for the whole run")
    p.add_argument("assess_options", nargs="*", help="after --: passed to assess")
    return p.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    if args.lines_per_part < 1:
        print("assess-dask: --lines-per-part takes a positive number", file=sys.stderr)
        return 64
    try:
        from distributed import Client, wait
    except ImportError:
        print("assess-dask: needs Dask distributed (Debian: python3-distributed)",
              file=sys.stderr)
        return EX_UNAVAILABLE
    env = {k: v for k, v in os.environ.items() if k.startswith("ASSESS_")}
    reports_root = os.path.abspath(args.reports_dir) if args.reports_dir else None
    if reports_root:
        os.makedirs(reports_root, exist_ok=True)
    try:
        client = Client(args.scheduler, timeout=30)
    except OSError as e:
        print("assess-dask: %s: %s" % (args.scheduler, e), file=sys.stderr)
        return EX_UNAVAILABLE
    source = json_string(args.input)
    parts, results, seen, problems, worst = {}, {}, {}, [], 0
    try:
        futures = [client.submit(run_part, part, first, text, args.assess, env, reports_root,
                                 args.assess_options, pure=False, retries=args.retries,
                                 key="assess-part-%05d-%s" % (part, uuid.uuid4().hex))
                   for part, first, text in split(args.input, args.lines_per_part)]
        wait(futures, timeout=args.timeout)  # every part, each retried on failure
        for future in futures:
            part, first, output, staging, status = future.result()
            results[part] = relocate(output, first, source)
            worst = max(worst, status)
            if staging:
                move_reports(staging, part, reports_root, seen, problems)
    except Exception as e:  # a part that failed every attempt, or the cluster went away
        print("assess-dask: %s" % e, file=sys.stderr)
        return EX_SOFTWARE
    finally:
        client.close()
        if reports_root:  # attempts that did not finish (their worker died) leave staging
            for name in os.listdir(reports_root):
                if name.startswith(".staging-"):
                    shutil.rmtree(os.path.join(reports_root, name), ignore_errors=True)
    try:
        write_atomically(args.output, (line for part in sorted(results)
                                       for line in results[part]))
    except OSError as e:
        print("assess-dask: %s: %s" % (args.output, e), file=sys.stderr)
        return EX_IOERR
    for p in problems:
        print("assess-dask: %s" % p, file=sys.stderr)
    if args.portfolio:
        book = subprocess.run([args.assess, "batch", "-q", "-f", "--ndjson", "-o",
                               args.portfolio, *args.assess_options, args.input])
        if book.returncode not in (0, EX_DATAERR):
            return book.returncode
    return EX_DATAERR if worst or problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
