"""Write reference.public_holidays from the `holidays` package for every year the data spans.

National and autonomous-community holidays, the table dbt reads as a source.

A seed could not follow the data (a fixed list of years is a time bomb: older history falls before
it, new messages after it), so the table is written here, before every dbt build
(``webcare.dbt.run`` calls ``sync``), for the years of the messages in ``staging`` and the as-of
instant, the same span ``int_calendar_bounds`` gives dim_date and the business intervals. It is
rewritten only when its content would change. Local holidays (a city's patron saint) are not in the
package: they live in the seed local_holidays.csv, by hand. The dbt test
``public_holidays_cover_the_calendar`` stops the build if a region-year of the calendar has no row.

    python -m webcare.public_holidays            # sync the configured warehouse
    python -m webcare.public_holidays --years 2019 2030   # write those years (and the data's)
"""
from __future__ import annotations

import argparse
import logging
import sys
from datetime import datetime, timedelta, timezone

from webcare import warehouse

log = logging.getLogger(__name__)

TABLE = "reference.public_holidays"
COLUMNS = ["region_code", "holiday_date", "holiday_name"]
# int_calendar_bounds ends 62 days after the last message or as-of day, in whole years
TRAILING_DAYS = 62

DDL = f"""
create schema if not exists reference;
create table if not exists {TABLE} (
    region_code   text not null,
    holiday_date  date not null,
    holiday_name  text not null
);
"""


def regions() -> list[str]:
    from webcare.accounts import institutions

    return sorted({row["region_code"] for row in institutions()})


def rows(years: range | list[int], region_codes: list[str] | None = None) -> list[tuple]:
    """(region, date, name) for every autonomous community of the institutions seed and year."""
    import holidays

    out = []
    for region in region_codes or regions():
        for year in years:
            calendar = holidays.country_holidays("ES", subdiv=region, years=year, language="es")
            out += [(region, day, name) for day, name in sorted(calendar.items())]
    return out


def data_years(cur) -> range:
    """Years of the calendar the next build will have: from the earliest message creation in staging
    (every staging view with a ``created_at``) to the latest one or the as-of instant, plus the
    trailing days, one year of slack at each end (local dates are at most a day from UTC here)."""
    cur.execute("""select table_name from information_schema.columns
                   where table_schema = 'staging' and column_name = 'created_at'
                     and data_type like 'timestamp%%' order by table_name""")
    tables = [t for (t,) in cur.fetchall()]
    first = last = None
    if tables:
        cur.execute(" union all ".join(f'select min(created_at), max(created_at) from staging."{t}"' for t in tables))
        for low, high in cur.fetchall():
            first = low if first is None or (low is not None and low < first) else first
            last = high if last is None or (high is not None and high > last) else last
    cur.execute("select to_regclass('raw.load_batches') is not null")
    as_of = None
    if cur.fetchone()[0]:
        cur.execute("select coalesce(max(cutoff), max(loaded_at)) from raw.load_batches")
        as_of = cur.fetchone()[0]
    now = datetime.now(timezone.utc)
    first = first or as_of or now
    last = max(moment for moment in (last, as_of, first) if moment is not None)
    return range(first.year - 1, (last + timedelta(days=TRAILING_DAYS)).year + 2)


@warehouse.acting_as("transformer")
def sync(url: str | None = None, years: list[int] | range | None = None) -> int:
    """Make ``reference.public_holidays`` hold the holidays of every region and data year (plus
    ``years``); returns the number of rows. Writes only when the content changes."""
    from webcare import warehouse

    url = warehouse.bootstrap(url)
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute(DDL)
        wanted_years = sorted(set(data_years(cur)) | set(years or ()))
        wanted = sorted(rows(wanted_years))
        cur.execute(f"select region_code, holiday_date, holiday_name from {TABLE} order by 1, 2, 3")
        if cur.fetchall() == wanted:
            return len(wanted)
        cur.execute(f"lock table {TABLE} in exclusive mode")
        cur.execute(f"delete from {TABLE}")
        cur.executemany(f"insert into {TABLE} ({', '.join(COLUMNS)}) values (%s, %s, %s)", wanted)
    log.info("public holidays: %d rows for %d regions, %d-%d", len(wanted), len(regions()), wanted_years[0],
             wanted_years[-1])
    return len(wanted)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m webcare.public_holidays", description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, nargs=2, metavar=("FIRST", "LAST"),
                        help="also write these years (inclusive)")
    args = parser.parse_args(argv)
    extra = range(args.years[0], args.years[1] + 1) if args.years else None
    count = sync(years=extra)
    print(f"{TABLE}: {count} holidays")
    return 0


if __name__ == "__main__":
    sys.exit(main())
