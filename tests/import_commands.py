"""The import command as the tests run it, and its printed KPI table read back."""
from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout


def run_command(*args: str) -> tuple[int, str]:
    from webcare.imports.__main__ import main

    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        code = main([str(a) for a in args])
    return code, out.getvalue()


def printed_kpis(output: str) -> list[list[str]]:
    from webcare.imports.__main__ import KPI_HEADER

    lines = output.split("KPIs of this file's inbound messages", 1)[1].splitlines()[1:]
    assert lines[0].split() == list(KPI_HEADER)
    table = []
    for line in lines[1:]:
        if not line.strip():
            break  # the table ends at the first blank line
        table.append(line.split())
    return table


def assert_printed_equal(printed: list[list[str]], expected: list[dict]) -> None:
    from webcare.imports.__main__ import kpi_cells

    assert len(printed) == len(expected)
    for cells, row in zip(printed, expected):
        wanted = kpi_cells(row)
        assert cells[:4] == wanted[:4], (cells, wanted)
        for mine, theirs in zip(cells[4:], wanted[4:]):
            if theirs == "-" or mine == "-":
                assert mine == theirs, (cells, wanted)
            else:  # printed to two decimals: equal to half a unit of the last digit
                precision = 0.05 if theirs.endswith("%") else 0.005
                assert abs(float(mine.rstrip("%")) - float(theirs.rstrip("%"))) <= precision + 1e-9, (cells, wanted)
