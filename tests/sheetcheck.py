"""What the workbook read-back checks share: failures collected, not raised, so one run names
every cell that is wrong (report_check.py, record_check.py)."""

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def eq(got, want, what):
    check(got == want, f"{what}: got {got!r}, want {want!r}")


def near(got, want, what):
    ok = isinstance(got, (int, float)) and not isinstance(got, bool) and abs(got - want) < 1e-9
    check(ok, f"{what}: got {got!r}, want the number {want!r}")


def verdict(path, name):
    """Prints each failure against PATH, then NAME: ok or how many failed; the exit status."""
    for f in failures:
        print(f"FAIL {path}: {f}")
    print(f"{name}: {'ok' if not failures else f'{len(failures)} failed'}")
    return 1 if failures else 0


def find_row(ws, col, text, start=1):
    for row in range(start, ws.max_row + 1):
        if ws.cell(row, col).value == text:
            return row
    failures.append(f"{ws.title}: no row with {text!r} in column {col}")
    return None
