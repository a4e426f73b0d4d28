#!/usr/bin/python3
"""Drives `assess interview` the way an assessor and a crash would.

    interview_drive.py                 every test below (run by tests/interview.sh)
    interview_drive.py same GOT WANT   compare two answer files (used by the cases' check scripts)

The script and the expected file are the interview-full case (tests/cases/interview-full): one
line per profile field and per question, in order, so after the first k lines the answer file
must hold exactly the first k items of the expected file. That is what makes a kill checkable:
whatever moment SIGKILL lands, the file is one of those states, never less than what had been
acknowledged (the next prompt had appeared), and --resume then finishes it to the same file.

Environment (set by make check): ASSESS, TESTS_SRCDIR, ASSESS_QUESTIONNAIRES, ASSESS_WRAPPER.
"""
import hashlib
import json
import os
import pty
import random
import re
import select
import shlex
import shutil
import signal
import termios
import struct
import subprocess
import sys
import tempfile
import time

SRC = os.environ.get("TESTS_SRCDIR", os.path.dirname(os.path.abspath(__file__)))
CASE = os.path.join(SRC, "cases", "interview-full")
EXPECTED = os.path.join(CASE, "expected.json")
# The instrument the case is answered with, from where the binary finds it.
QDIR = os.environ.get("ASSESS_QUESTIONNAIRES", os.path.join(SRC, "..", "questionnaires"))
MIIT = os.path.join(QDIR, "miit-2024.xml")
TIMEOUT = 120 if os.environ.get("ASSESS_WRAPPER") else 20
PROFILE = [("enterprise", "name"), ("enterprise", "credit_code"), ("enterprise", "industry"),
           ("enterprise", "industry_code"), ("enterprise", "size"), ("enterprise", "above_scale"),
           ("status", "pilot_enterprise"), ("enterprise", "region"), ("enterprise", "region_code"),
           ("assessment", "date"), ("assessment", "stage"), ("assessment", "assessor"),
           ("assessment", "source"), ("assessment", "team"), ("assessment", "interviewees"),
           ("assessment", "site_visits"), ("assessment", "report_no")]
PROFILE_PROMPTS = ["企业名称", "统一社会信用代码", "所属行业", "行业代码", "企业规模",
                   "是否规模以上企业", "是否数字化转型试点企业", "所在地区", "地区代码", "评测日期",
                   "评测阶段", "评测人员", "评测方式", "评测组", "受访人", "现场走访日期", "报告编号"]


class Failure(Exception):
    pass


def command(*args):
    wrapper = shlex.split(os.environ.get("ASSESS_WRAPPER", ""))
    return wrapper + [os.environ["ASSESS"], "interview"] + list(args)


def script_lines():
    """The lines that set something (the case's stdin ends with the Enter that finishes)."""
    with open(os.path.join(CASE, "stdin"), encoding="utf-8") as f:
        return f.read().split("\n")[:len(PROFILE) + len(question_ids())]


def expected():
    with open(EXPECTED, encoding="utf-8") as f:
        return json.load(f)


def items(doc):
    """The file as the ordered list of things the script sets, one per line."""
    out = [(block, key, doc.get(block, {}).get(key)) for block, key in PROFILE]
    notes = doc.get("notes", {})
    for qid, value in doc.get("answers", {}).items():
        out.append(("answers", qid, (value, notes.get(qid))))
    return out


def present(doc):
    return [item for item in items(doc) if item[2] is not None]


def same(got_path, want_path):
    with open(got_path, encoding="utf-8") as f:
        got = json.load(f)
    with open(want_path, encoding="utf-8") as f:
        want = json.load(f)
    # Every file written carries the instrument it was written with: this build's definition.
    stamp = instrument_stamp()
    for key in ("questionnaire_version", "questionnaire_sha256"):
        if got.pop(key, None) != stamp[key]:
            print(f"{key}: not this build's questionnaire ({stamp[key]})")
            return 1
        want.pop(key, None)
    # The times are the run's own: what the test fixes is who changed what, and why.
    for doc in (got, want):
        for entry in doc.get("history", []):
            entry.pop("at", None)
        if isinstance(doc.get("finalized"), dict):
            doc["finalized"].pop("at", None)
    if got == want:
        return 0
    for key in sorted(set(got) | set(want)):
        g, w = got.get(key), want.get(key)
        if isinstance(g, dict) and isinstance(w, dict):
            for sub in sorted(set(g) | set(w)):
                if g.get(sub) != w.get(sub):
                    print(f"{key}.{sub}: got {g.get(sub)!r}, want {w.get(sub)!r}")
        elif g != w:
            print(f"{key}: got {g!r}, want {w!r}")
    return 1


def instrument_stamp():
    """The version and SHA-256 an answer file written with miit-2024.xml must carry."""
    with open(MIIT, "rb") as f:
        data = f.read()
    version = re.search(rb'<questionnaire [^>]*version="([^"]*)"', data).group(1).decode()
    return {"questionnaire_version": version,
            "questionnaire_sha256": hashlib.sha256(data).hexdigest()}


def question_ids():
    with open(MIIT, encoding="utf-8") as f:
        return re.findall(r'<question id="(\w+)"', f.read())


def all_prompts():
    """Every prompt the script meets, in order: the first field's, then one after each line."""
    return PROFILE_PROMPTS + [f"{q}> " for q in question_ids()] + ["完成> "]


def prompts():
    """The prompt that follows each script line: the next field, question, or the review."""
    return all_prompts()[1:]


class Session:
    """assess interview under a pseudo-terminal (pty=True) or on pipes."""

    def __init__(self, args, cwd, pty_mode):
        self.out = b""
        self.seen = 0
        if pty_mode:
            pid, fd = pty.fork()
            if pid == 0:
                import fcntl
                import termios
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
                os.chdir(cwd)
                env = dict(os.environ, TERM="xterm", LANG="C.UTF-8")
                os.execvpe(args[0], args, env)
            self.pid, self.rfd, self.wfd, self.proc = pid, fd, fd, None
        else:
            self.proc = subprocess.Popen(args, cwd=cwd, stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            self.pid, self.rfd, self.wfd = self.proc.pid, self.proc.stdout.fileno(), \
                self.proc.stdin.fileno()

    def expect(self, text):
        want = text.encode()
        deadline = time.time() + TIMEOUT
        while True:
            at = self.out.find(want, self.seen)
            if at >= 0:
                self.seen = at + len(want)
                return
            left = deadline - time.time()
            ready = select.select([self.rfd], [], [], max(left, 0))[0] if left > 0 else []
            chunk = b""
            if ready:
                try:
                    chunk = os.read(self.rfd, 65536)
                except OSError:
                    chunk = b""
            if not chunk:
                tail = self.out[-1500:].decode("utf-8", "replace")
                raise Failure(f"waited for {text!r}; the session showed:\n{tail}")
            self.out += chunk

    def send(self, line):
        os.write(self.wfd, line.encode() + (b"\r" if self.proc is None else b"\n"))

    def answer(self, lines, prompts):
        """Sends each line and waits for the prompt paired with it."""
        for line, prompt in zip(lines, prompts):
            self.send(line)
            self.expect(prompt)

    def kill(self):
        os.kill(self.pid, signal.SIGKILL)
        return self.wait()

    def close_input(self):
        if self.proc is None:
            self.wait_raw()
            os.write(self.wfd, b"\x04")
        else:
            self.proc.stdin.close()

    def wait_raw(self):
        """libedit prints its prompt before it turns the terminal's line editing off; a Ctrl-D
        sent in between is taken by the line discipline (and lost when libedit switches), so
        wait until the terminal is in raw mode, as a person's key press always is."""
        deadline = time.time() + TIMEOUT
        while time.time() < deadline and termios.tcgetattr(self.wfd)[3] & termios.ICANON:
            time.sleep(0.01)

    def wait(self):
        if self.proc is not None:
            if not self.proc.stdin.closed:
                self.proc.stdin.close()
            self.out += self.proc.stdout.read()
            return self.proc.wait(TIMEOUT)
        while True:  # drain the terminal so the child never blocks on a full buffer
            try:
                chunk = os.read(self.rfd, 65536)
            except OSError:
                break
            if not chunk:
                break
            self.out += chunk
        status = os.waitpid(self.pid, 0)[1]
        os.close(self.rfd)
        return os.waitstatus_to_exitcode(status)


def check_state(path, acked, want_items):
    """The file is the state after some p >= acked lines; returns p."""
    if not os.path.exists(path):
        if acked:
            raise Failure(f"{acked} lines acknowledged, but no answer file")
        return 0
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)  # a partial file would fail here
    have = present(doc)
    p = len(have)
    if have != [item for item in want_items[:p] if item[2] is not None]:
        raise Failure(f"file is not a state of the script after {p} lines:\n{have}")
    if p < acked:
        raise Failure(f"{acked} lines were acknowledged but the file holds {p}: "
                      f"{want_items[p:acked]} lost")
    return p


def check_ends_as_expected(s, path, what):
    """The session exits 0 and leaves at path the answer file the interview-full case expects."""
    status = s.wait()
    if status != 0:
        raise Failure(f"{what} exited {status}:\n{s.out[-1500:].decode('utf-8', 'replace')}")
    if same(path, EXPECTED):
        raise Failure(f"{what} left a file that differs from the expected one")


def finish_by_resume(tmp, path, lines, p, pty_mode):
    """Continues a killed session with --resume and checks it ends in the expected file."""
    args = command("--resume", "-o", path) if os.path.exists(path) else \
        command("-q", "miit-2024", "-o", path)
    s = Session(args, tmp, pty_mode)
    s.expect(all_prompts()[p])
    s.answer(lines[p:], prompts()[p:])
    s.send("")
    if pty_mode:
        s.expect("[y/N]")
        s.send("n")
    check_ends_as_expected(s, path, "the resumed session")


def test_pty_full():
    """The whole interview-full script typed at a terminal, with mistakes that are re-asked."""
    with tempfile.TemporaryDirectory(prefix="interview-pty.") as tmp:
        path = os.path.join(tmp, "out.json")
        s = Session(command("-q", "miit-2024", "-o", "out.json"), tmp, True)
        s.expect("企业名称> ")
        lines = script_lines()
        codes = {PROFILE.index(("enterprise", "industry_code")): ("c99", "  ! 99 不是门类 C 下的大类"),
                 PROFILE.index(("status", "pilot_enterprise")): ("也许", "  ! 请输入 y（是）或 n（否）"),
                 PROFILE.index(("enterprise", "region_code")): ("350082", "  ! 县级代码须有地市部分")}
        for i, (line, prompt) in enumerate(zip(lines, prompts())):
            if i in codes:  # what the subsidy engine reads: a wrong value is refused and asked again
                s.send(codes[i][0])
                s.expect(codes[i][1])
                s.expect(PROFILE_PROMPTS[i])
            if i == len(PROFILE):  # F1 on screen: mistakes first, each answered with a message
                for bad in ["A B", "Z", "中文", ":g F99", "\x1b[D\x1b[C", ""]:
                    s.send(bad)
                    s.expect("  ! ")
                    s.expect("F1> ")
            s.send(line)
            s.expect(prompt)
        s.send("")
        s.expect("等级：二级（规范级）")
        s.expect("assess report out.json -o out.xlsx")
        s.expect("[y/N]")
        s.send("y")
        s.expect("报告已写入 out.xlsx")
        check_ends_as_expected(s, path, "the session")
        with open(os.path.join(tmp, "out.xlsx"), "rb") as f:
            if f.read(2) != b"PK":
                raise Failure("out.xlsx is not a workbook")


def kill_and_resume(acked, unacked, pty_mode, delay=0.0):
    """Acknowledged lines, then lines sent without waiting, then SIGKILL; then --resume."""
    with tempfile.TemporaryDirectory(prefix="interview-kill.") as tmp:
        path = os.path.join(tmp, "out.json")
        lines, want = script_lines(), items(expected())
        s = Session(command("-q", "miit-2024", "-o", path), tmp, pty_mode)
        s.expect("企业名称> ")
        s.answer(lines[:acked], prompts())
        for line in lines[acked:acked + unacked]:
            s.send(line)
        time.sleep(delay)
        s.kill()
        p = check_state(path, acked, want)
        finish_by_resume(tmp, path, lines, p, pty_mode)
        return p


def test_kill_at_chosen_moments():
    n = len(script_lines())
    for acked in [0, 1, 5, 9, 10, 14, 15, 30, n - 1, n]:
        kill_and_resume(acked, 0, pty_mode=False)
    # Killed at each prompt for what the subsidy engine reads: resumed there, nothing lost.
    for field in [("enterprise", "industry_code"), ("status", "pilot_enterprise"),
                  ("enterprise", "region_code")]:
        kill_and_resume(PROFILE.index(field), 0, pty_mode=False)
        kill_and_resume(PROFILE.index(field) + 1, 0, pty_mode=True)
    kill_and_resume(12, 0, pty_mode=True)
    kill_and_resume(3, 0, pty_mode=True)


def test_kill_in_flight():
    """Lines still being written when the kill lands: any state from acked on is fine."""
    rng = random.Random(20261123)
    n = len(script_lines())
    landed = set()
    for _ in range(12):
        acked = rng.randrange(0, n - 4)
        p = kill_and_resume(acked, rng.randrange(1, 5), pty_mode=False,
                            delay=rng.choice([0, 0.001, 0.005, 0.02]))
        landed.add(p - acked)
    print(f"  in-flight kills landed 0..4 lines past the acknowledged ones: {sorted(landed)}")


def test_one_session_per_file():
    """A second session on a file in use is refused; a killed holder does not block the next."""
    with tempfile.TemporaryDirectory(prefix="interview-lock.") as tmp:
        path = os.path.join(tmp, "out.json")
        first = Session(command("-q", "miit-2024", "-o", "out.json"), tmp, False)
        first.expect("企业名称> ")
        second = subprocess.run(command("--resume", "-o", "out.json"), cwd=tmp,
                                stdin=subprocess.DEVNULL, capture_output=True)
        want = f"out.json: in use by another session (process {first.pid})"
        if second.returncode != 73 or want not in second.stderr.decode():
            raise Failure(f"second session: exit {second.returncode}, {second.stderr!r}")
        first.kill()  # the kernel lets go of the lock; the companion file stays behind
        third = subprocess.run(command("--resume", "-o", "out.json"), cwd=tmp,
                               stdin=subprocess.DEVNULL, capture_output=True)
        if third.returncode != 65:  # input ended with questions unanswered: saved, as documented
            raise Failure(f"after the kill: exit {third.returncode}, {third.stderr!r}")
        left = sorted(os.listdir(tmp))
        if left != ["out.json"]:
            raise Failure(f"the folder holds {left}, expected only out.json")
        json.load(open(path, encoding="utf-8"))


def test_long_value_at_a_terminal():
    """A 90-character Chinese name, then a prompt that shows it: libedit used to crash there."""
    with tempfile.TemporaryDirectory(prefix="interview-long.") as tmp:
        s = Session(command("-o", "out.json"), tmp, True)
        s.expect("企业名称> ")
        s.send("长" * 90)
        s.expect("统一社会信用代码> ")
        s.send(":b")
        s.expect("长…]> ")
        s.send("")
        s.expect("统一社会信用代码> ")
        s.send(":q")
        status = s.wait()
        if status != 0:
            raise Failure(f"exit status {status}")
        with open(os.path.join(tmp, "out.json"), encoding="utf-8") as f:
            if json.load(f)["enterprise"]["name"] != "长" * 90:
                raise Failure("the name was not stored whole")


def test_questionnaire_by_path():
    """-q PATH.xml of an instrument that is not installed: the file can be resumed and scored."""
    with tempfile.TemporaryDirectory(prefix="interview-qpath.") as tmp:
        with open(MIIT, encoding="utf-8") as f:
            xml = f.read().replace('id="miit-2024"', 'id="city-2025"', 1)
        os.mkdir(os.path.join(tmp, "sub"))
        with open(os.path.join(tmp, "sub", "city.xml"), "w", encoding="utf-8") as f:
            f.write(xml)
        run = subprocess.run(command("-q", "sub/city.xml", "-o", "out.json"), cwd=tmp,
                             input="甲公司\n:g F2\nC\n:q\n".encode(), capture_output=True)
        path = os.path.join(tmp, "out.json")
        with open(path, encoding="utf-8") as f:
            named = json.load(f)["questionnaire"]
        if run.returncode != 0 or named != os.path.join(os.path.realpath(tmp), "sub", "city.xml"):
            raise Failure(f"exit {run.returncode}, questionnaire {named!r}: {run.stderr!r}")
        wrapper = shlex.split(os.environ.get("ASSESS_WRAPPER", ""))
        score = subprocess.run(wrapper + [os.environ["ASSESS"], "score", "--allow-incomplete",
                                          path], cwd="/", capture_output=True)
        if score.returncode != 0 or "总分：" not in score.stdout.decode():
            raise Failure(f"score from another folder: exit {score.returncode}, {score.stderr!r}")
        again = subprocess.run(command("--resume", "-o", path), cwd="/",
                               input=b":q\n", capture_output=True)
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        if again.returncode != 0 or doc["questionnaire"] != named or doc["answers"] != {"F2": "C"}:
            raise Failure(f"--resume: exit {again.returncode}, {doc}, {again.stderr!r}")


def test_gbk_at_a_terminal_is_refused():
    """GBK bytes typed at a terminal: refused with a message, never stored as other characters."""
    with tempfile.TemporaryDirectory(prefix="interview-gbk.") as tmp:
        s = Session(command("-o", "out.json"), tmp, True)
        s.expect("企业名称> ")
        os.write(s.wfd, "甲公司".encode("gbk") + b"\r")
        s.expect("  ! 输入不是 UTF-8 编码（可能是 GBK）")
        s.expect("企业名称> ")
        s.send("甲公司")
        s.expect("统一社会信用代码> ")
        s.send(":q")
        status = s.wait()
        with open(os.path.join(tmp, "out.json"), encoding="utf-8") as f:
            name = json.load(f)["enterprise"].get("name")
        if status != 0 or name != "甲公司":
            raise Failure(f"exit {status}, name {name!r}")


def test_symlinked_file_is_written_through():
    """An answer file that is a symbolic link stays one: the saves go to its target."""
    with tempfile.TemporaryDirectory(prefix="interview-link.") as tmp:
        os.mkdir(os.path.join(tmp, "real"))
        link = os.path.join(tmp, "link.json")
        os.symlink("real/acme.json", link)
        first = subprocess.run(command("-o", "link.json"), cwd=tmp, input="甲公司\n:q\n".encode(),
                               capture_output=True)
        again = subprocess.run(command("--resume", "-o", "link.json"), cwd=tmp,
                               input=b":g F2\nC\n:q\n", capture_output=True)
        if first.returncode or again.returncode or not os.path.islink(link):
            raise Failure(f"exit {first.returncode}/{again.returncode}, link kept: "
                          f"{os.path.islink(link)}; {again.stderr!r}")
        with open(os.path.join(tmp, "real", "acme.json"), encoding="utf-8") as f:
            doc = json.load(f)
        if doc["enterprise"]["name"] != "甲公司" or doc["answers"] != {"F2": "C"}:
            raise Failure(f"the target holds {doc}")


def answered_target(tmp):
    """out.json in tmp with one answer, for --force to ask about: its path and its text."""
    path = os.path.join(tmp, "out.json")
    old = '{"questionnaire": "miit-2024", "enterprise": {"name": "旧公司"}, "answers": {"F2": "E"}}'
    with open(path, "w", encoding="utf-8") as f:
        f.write(old)
    return path, old


def test_force_asks_at_a_terminal_and_keeps_a_backup():
    """--force on a file with answers: at a terminal it asks; yes keeps a backup copy first."""
    with tempfile.TemporaryDirectory(prefix="interview-force.") as tmp:
        path, old = answered_target(tmp)
        s = Session(command("--force", "-o", "out.json"), tmp, True)
        s.expect("out.json 已有 1 题答案")
        s.expect("[y/N] ")
        s.send("n")
        s.expect("未改动 out.json")
        if s.wait() != 0 or open(path, encoding="utf-8").read() != old:
            raise Failure("declining changed the file or failed")
        s = Session(command("--force", "-o", "out.json"), tmp, True)
        s.expect("[y/N] ")
        s.send("y")
        s.expect("原文件已备份到 out.backup-1.json")
        s.expect("企业名称> ")
        s.send("新公司")
        s.expect("统一社会信用代码> ")
        s.send(":q")
        if s.wait() != 0:
            raise Failure("the forced session failed")
        if open(os.path.join(tmp, "out.backup-1.json"), encoding="utf-8").read() != old:
            raise Failure("the backup is not the old file")
        with open(path, encoding="utf-8") as f:
            if json.load(f)["enterprise"]["name"] != "新公司":
                raise Failure("the file was not started over")


def test_force_takes_only_y_as_yes():
    """--force at a terminal: "yes" is not y, so the file stays as it was, as at the report."""
    with tempfile.TemporaryDirectory(prefix="interview-force-yes.") as tmp:
        path, old = answered_target(tmp)
        s = Session(command("--force", "-o", "out.json"), tmp, True)
        s.expect("[y/N] ")
        s.send("yes")
        s.expect("未改动 out.json")
        if s.wait() != 0 or open(path, encoding="utf-8").read() != old:
            raise Failure("a yes that is not y changed the file or failed")
        if os.path.exists(os.path.join(tmp, "out.backup-1.json")):
            raise Failure("a yes that is not y kept a backup")


def record_session(tmp, lines, kill_after_change=False):
    """The interview-full script at a terminal, with evidence, a flag and a changed answer.

    At F1 the checklist is shown, entry 1 ticked and net.pdf referenced (its hash taken); at F2
    a to-verify flag is set. After R4 the review shows them; line 2 is reopened and F2 changed
    from C to B, which asks for a reason. With kill_after_change the session is killed with
    SIGKILL right after that change is acknowledged; otherwise Enter finalizes."""
    n_profile = len(PROFILE)
    s = Session(command("-q", "miit-2024", "-o", "out.json"), tmp, True)
    s.expect("企业名称> ")
    s.answer(lines[:n_profile], prompts())
    s.send(":e")
    s.expect("支撑材料清单")
    s.expect("F1> ")
    s.send(":e 1")
    s.expect("已记录证据 [1]：工控网络相关网络架构文件")  # F1.1 of the instrument's checklist
    s.send(":e net.pdf")
    s.expect("已记录证据 [2]：net.pdf（sha256 ")
    s.expect("F1> ")
    s.send(lines[n_profile])
    s.expect("F2> ")
    s.send(":f 合同待补")
    s.expect("已将 F2 标记为待核实")
    s.expect("F2> ")
    s.answer(lines[n_profile + 1:], prompts()[n_profile + 1:])
    s.expect("")  # the review is on screen, its prompt last
    if "【复核】全部 31 题" not in s.out.decode("utf-8", "replace"):
        raise Failure("no review screen")
    for want in ["  1 F1   B C        4 分 · 证据 2 · 有备注", "待核实：合同待补"]:
        if want not in s.out.decode("utf-8", "replace"):
            raise Failure(f"the review lacks {want!r}")
    # The time spent, from the history: none for the first answer, some for the second.
    if not re.search(r"  2 F2   C +[0-9.]+ 分 · 用时 \d+:\d\d", s.out.decode("utf-8", "replace")):
        raise Failure("the review does not show the time spent on F2")
    s.send("2")
    s.expect("F2 [C]> ")
    s.send("B")
    s.expect("修改原因（F2：C → B）> ")
    s.send("企业补充了采购数据")
    s.expect("F2 = B")
    s.expect("完成> ")
    if kill_after_change:
        return s.kill()
    s.send("")
    s.expect("评测记录已定稿")
    s.expect("[y/N]")
    s.send("n")
    return s.wait()


def check_record(path, tmp, finalized):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    with open(os.path.join(tmp, "net.pdf"), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    by = "张工（示例服务商）"
    want_evidence = [{"title": "网络拓扑图", "checklist": "F1.1"},
                     {"title": "net.pdf", "file": "net.pdf", "sha256": digest}]
    got = doc.get("evidence", {}).get("F1", [])
    if len(got) != 2 or got[1] != want_evidence[1] or got[0].get("checklist") != "F1.1":
        raise Failure(f"evidence: {got}")
    if doc.get("flags") != {"F2": "合同待补"}:
        raise Failure(f"flags: {doc.get('flags')}")
    history = doc.get("history", [])
    last = history[-1]
    if len(history) != 32 or {k: last.get(k) for k in ("question", "from", "to", "by", "reason")} != \
            {"question": "F2", "from": "C", "to": "B", "by": by, "reason": "企业补充了采购数据"}:
        raise Failure(f"history ({len(history)} entries) ends with {last}")
    if any(not e.get("at") for e in history):
        raise Failure("a history entry without its time")
    if doc["answers"]["F2"] != "B" or bool(doc.get("finalized")) != finalized:
        raise Failure(f"F2 {doc['answers']['F2']}, finalized {doc.get('finalized')}")
    if doc["assessment"].get("lang") != "zh" or doc["assessment"].get("source") != "onsite":
        raise Failure(f"assessment: {doc['assessment']}")
    # The profile too: every field the script typed, the codes and the pilot flag included.
    want = expected()
    for block in ("enterprise", "assessment", "status"):
        if doc.get(block) != want.get(block):
            raise Failure(f"{block}: {doc.get(block)}, expected {want.get(block)}")


def test_record_at_a_terminal():
    """#12: evidence, a flag, a changed answer with its reason, the review and finalize."""
    with tempfile.TemporaryDirectory(prefix="interview-record.") as tmp:
        with open(os.path.join(tmp, "net.pdf"), "wb") as f:
            f.write(b"%PDF-1.4 network diagram\n")
        status = record_session(tmp, script_lines())
        if status != 0:
            raise Failure(f"exit status {status}")
        check_record(os.path.join(tmp, "out.json"), tmp, True)
        # Finalized: --resume alone is refused; --reopen REASON opens it, and says why.
        again = subprocess.run(command("--resume", "-o", "out.json"), cwd=tmp,
                               input=b":q\n", capture_output=True)
        if again.returncode != 64 or "--reopen REASON" not in again.stderr.decode():
            raise Failure(f"resume of a finalized file: {again.returncode} {again.stderr!r}")
        reopened = subprocess.run(command("--resume", "--reopen", "复核更正", "-o", "out.json"),
                                  cwd=tmp, input="R4\nC\n\n".encode(), capture_output=True)
        with open(os.path.join(tmp, "out.json"), encoding="utf-8") as f:
            doc = json.load(f)
        if reopened.returncode != 0 or doc["history"][-1].get("reason") != "复核更正" or \
                doc["answers"]["R4"] != "C" or not doc.get("finalized"):
            raise Failure(f"--reopen: {reopened.returncode} {doc['history'][-1]} "
                          f"{reopened.stderr!r}")


def test_record_survives_kill_and_resume():
    """#12: killed with SIGKILL after the change; --resume loses none of the record."""
    with tempfile.TemporaryDirectory(prefix="interview-record-kill.") as tmp:
        with open(os.path.join(tmp, "net.pdf"), "wb") as f:
            f.write(b"%PDF-1.4 network diagram\n")
        record_session(tmp, script_lines(), kill_after_change=True)
        path = os.path.join(tmp, "out.json")
        check_record(path, tmp, False)
        s = Session(command("--resume", "-o", "out.json"), tmp, True)
        s.expect("完成> ")
        s.send("")
        s.expect("评测记录已定稿")
        s.expect("[y/N]")
        s.send("n")
        if s.wait() != 0:
            raise Failure("the resumed session failed")
        check_record(path, tmp, True)


def test_team_is_remembered_for_the_assessor():
    """The team typed once is offered to the same assessor's next interview."""
    with tempfile.TemporaryDirectory(prefix="interview-team.") as tmp:
        config = os.path.join(tmp, "config")
        env = dict(os.environ, XDG_CONFIG_HOME=config)
        profile = "甲公司\n" + ":s\n" * 10 + "王工\n1\n王工/组长/甲服务商; 赵工\n:q\n"
        first = subprocess.run(command("-o", "a.json"), cwd=tmp, env=env,
                               input=profile.encode(), capture_output=True)
        second = subprocess.run(command("-o", "b.json"), cwd=tmp, env=env,
                                input=("乙公司\n" + ":s\n" * 10 + "王工\n\n\n:q\n").encode(),
                                capture_output=True)
        with open(os.path.join(tmp, "b.json"), encoding="utf-8") as f:
            team = json.load(f)["assessment"].get("team")
        want = [{"name": "王工", "role": "组长", "organisation": "甲服务商"}, {"name": "赵工"}]
        if first.returncode or second.returncode or team != want:
            raise Failure(f"exit {first.returncode}/{second.returncode}, team {team}, "
                          f"{second.stdout.decode()[-400:]}")
        if "评测组（姓名/角色/单位，多人用 ; 分隔） [王工/组长/甲服务商; 赵工]>" not in \
                second.stdout.decode():
            raise Failure("the remembered team was not offered in brackets")


class Skip(Exception):
    pass


class FullDisk:
    """A tiny tmpfs (root only) that can be filled up while a session writes into it."""

    def __init__(self):
        self.top = tempfile.mkdtemp(prefix="interview-full.")
        self.dir = os.path.join(self.top, "stick")
        self.home = os.path.join(self.top, "home")
        os.mkdir(self.dir)
        os.mkdir(self.home)
        if os.geteuid() != 0 or subprocess.run(
                ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", self.dir],
                capture_output=True).returncode != 0:
            shutil.rmtree(self.top)
            raise Skip("cannot mount a tmpfs (needs root)")

    def fill(self):
        fd = os.open(os.path.join(self.dir, "filler"), os.O_WRONLY | os.O_CREAT, 0o644)
        try:
            while os.write(fd, b"\0" * 512) > 0:
                pass
        except OSError:
            pass
        os.close(fd)

    def close(self):
        # -l: a session that a failed test left running must not leave the mount behind
        subprocess.run(["umount", "-l", self.dir], capture_output=True)
        shutil.rmtree(self.top)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def session_on_full_disk(disk, pty_mode):
    """Name saved; then the disk fills and F2 = C is typed: that answer is only in memory."""
    env_home = os.environ.get("HOME")
    os.environ["HOME"] = disk.home
    try:
        s = Session(command("-o", "out.json"), disk.dir, pty_mode)
    finally:
        if env_home is None:
            del os.environ["HOME"]
        else:
            os.environ["HOME"] = env_home
    s.expect("企业名称> ")
    s.send("甲公司")
    s.expect("统一社会信用代码> ")
    disk.fill()
    s.send(":g F2")
    s.expect("F2> ")
    s.send("C")
    s.expect("无法保存")
    s.expect("F3> ")
    return s


def rescued(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if doc.get("enterprise", {}).get("name") != "甲公司" or doc.get("answers") != {"F2": "C"}:
        raise Failure(f"{path} lacks the answers: {doc}")


def test_full_disk_end_of_input_rescues():
    """#10.4 on pipes: end of input with the last saves failed writes a rescue copy, exit 74."""
    with FullDisk() as disk:
        s = session_on_full_disk(disk, False)
        s.close_input()
        status = s.wait()
        err = s.proc.stderr.read().decode()
        where = os.path.join(disk.home, "out.rescue-1.json")
        if status != 74 or f"全部答案已写入救援副本 {where}" not in err:
            raise Failure(f"exit {status}, stderr {err!r}")
        rescued(where)


def test_full_disk_ctrl_d_offers_another_path():
    """#10.4 at a terminal: Ctrl-D with unsaved answers asks for another path and saves there."""
    with FullDisk() as disk:
        s = session_on_full_disk(disk, True)
        s.close_input()
        s.expect("另存为（回车：写一份救援副本）> ")
        other = os.path.join(disk.home, "elsewhere.json")
        s.send(other)
        s.expect(f"全部答案已另存到 {other}")
        status = s.wait()
        if status != 74:
            raise Failure(f"exit {status}")
        rescued(other)


def test_full_disk_hangup_rescues():
    """#10.4: the terminal closes (SIGHUP) with unsaved answers: a rescue copy, exit 74."""
    with FullDisk() as disk:
        s = session_on_full_disk(disk, True)
        os.close(s.rfd)  # the terminal window is closed: the session gets SIGHUP
        status = os.waitstatus_to_exitcode(os.waitpid(s.pid, 0)[1])
        where = os.path.join(disk.home, "out.rescue-1.json")
        if status != 74 or not os.path.exists(where):
            raise Failure(f"exit {status}; home holds {os.listdir(disk.home)}")
        rescued(where)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "same":
        return same(sys.argv[2], sys.argv[3])
    failed = 0
    for test in [test_pty_full, test_kill_at_chosen_moments, test_kill_in_flight,
                 test_one_session_per_file, test_long_value_at_a_terminal, test_questionnaire_by_path,
                 test_gbk_at_a_terminal_is_refused, test_symlinked_file_is_written_through,
                 test_force_asks_at_a_terminal_and_keeps_a_backup, test_force_takes_only_y_as_yes,
                 test_record_at_a_terminal,
                 test_record_survives_kill_and_resume, test_team_is_remembered_for_the_assessor,
                 test_full_disk_end_of_input_rescues,
                 test_full_disk_ctrl_d_offers_another_path, test_full_disk_hangup_rescues]:
        try:
            test()
            print(f"PASS {test.__name__}")
        except Skip as e:
            print(f"SKIP {test.__name__}: {e}")
        except Failure as e:
            failed += 1
            print(f"FAIL {test.__name__}: {e}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
