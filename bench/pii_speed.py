"""Redaction time against text length (issue 13 item 11: linear, a 1 MB text in seconds).

Hostile and ordinary texts of 10 kB, 100 kB and 1 MB; the figures are the ratios of each size's
time to the 10 kB time of the same text (linear: about 10 and 100). Runnable alone:

    PYTHONPATH=plugins .venv/bin/python bench/pii_speed.py [--out var/bench/pii_speed.json]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from webcare.classify import pii

DENSE = ("Soy Ana López, DNI 12345678Z, tel +34 612 345 678, ana.lopez@gmail.com, C/ Mayor 12, 3ºB, "
         "28013 Madrid; mi CURP GOMC850315HDFRRL09 y cel 55 1234 5678, IBAN ES91 2100 0418 4502 0005 1332. ")
TEXTS = {  # name: a unit repeated to the size
    "personal data, dense": DENSE,
    "digits only": "1234567890",
    "digit and space": "1 ",
    "digit and dot": "1.",
    "letters only": "lorem ipsum dolor sit amet ",
}
SIZES = (10_000, 100_000, 1_000_000)


def timed(text: str) -> float:
    clock = time.perf_counter()
    pii.redact(text)
    return time.perf_counter() - clock


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    figures = {"redactor": pii.VERSION, "texts": {}}
    print(f"redactor {pii.VERSION}: seconds (ratio to 10 kB)")
    for name, unit in TEXTS.items():
        seconds = {size: timed((unit * (size // len(unit) + 1))[:size]) for size in SIZES}
        ratios = {size: seconds[size] / seconds[SIZES[0]] for size in SIZES}
        figures["texts"][name] = {str(s): {"seconds": round(seconds[s], 3), "ratio": round(ratios[s], 1)}
                                  for s in SIZES}
        print(f"  {name:<22}" + "".join(f"  {s // 1000:>5} kB {seconds[s]:6.2f} s ({ratios[s]:5.1f}x)"
                                        for s in SIZES))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
