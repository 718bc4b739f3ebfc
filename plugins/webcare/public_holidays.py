"""Write the public-holidays seed from the `holidays` package (national + autonomous community).

The seed (dbt_project/seeds/public_holidays.csv) is what the warehouse uses; this command is how
it is made, and a test checks the two agree. Local holidays (a city's patron saint) are not in
the package: they live in the seed local_holidays.csv, by hand.

    python -m webcare.public_holidays [--first-year 2024] [--last-year 2028]
"""
from __future__ import annotations

import argparse
import csv
import sys

from webcare import config

SEED = config.SEEDS_DIR / "public_holidays.csv"
COLUMNS = ["region_code", "holiday_date", "holiday_name"]


def rows(first_year: int, last_year: int) -> list[dict[str, str]]:
    """One row per (autonomous community, holiday) for the communities in the institutions seed."""
    import holidays

    from webcare.accounts import institutions

    regions = sorted({row["region_code"] for row in institutions()})
    out = []
    for region in regions:
        calendar = holidays.country_holidays("ES", subdiv=region, years=range(first_year, last_year + 1),
                                             language="es")
        for day, name in sorted(calendar.items()):
            out.append({"region_code": region, "holiday_date": day.isoformat(), "holiday_name": name})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m webcare.public_holidays", description=__doc__.splitlines()[0])
    parser.add_argument("--first-year", type=int, default=2024)
    parser.add_argument("--last-year", type=int, default=2028)
    args = parser.parse_args(argv)
    data = rows(args.first_year, args.last_year)
    with open(SEED, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(data)
    print(f"wrote {len(data)} holidays to {SEED.relative_to(config.PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
