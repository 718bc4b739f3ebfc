"""python -m webcare.generator --institutions N --days D --start YYYY-MM-DD --seed S --out DIR"""
import argparse
from datetime import date

from . import generate


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m webcare.generator", description=__doc__)
    parser.add_argument("--institutions", type=int, default=5, help="first N rows of the institutions seed")
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--start", type=date.fromisoformat, default=date(2026, 3, 10), help="first UTC day of the window")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", required=True, help="output directory")
    args = parser.parse_args(argv)
    print(generate(args.out, args.institutions, args.days, args.start, args.seed))


if __name__ == "__main__":
    main()
