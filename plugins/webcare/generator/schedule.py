"""When people write and when institutions answer, in the institution's local time."""
import math
import random
from datetime import date, datetime, time, timedelta, timezone

from .hours import load_seeds

HOUR_WEIGHTS = (0.3, 0.15, 0.1, 0.05, 0.05, 0.1, 0.3, 0.9, 1.6, 2.0, 2.2, 2.0,
                1.8, 1.5, 1.3, 1.4, 1.5, 1.6, 1.7, 1.9, 1.9, 1.6, 1.1, 0.6)
WEEKDAY_FACTORS = (1.25, 1.1, 1.0, 1.0, 0.9, 0.6, 0.55)
HOLIDAY_FACTOR = 0.6
SAME_MINUTE_SHARE = 0.04  # replies 10-50 s after the message
AFTER_HOURS_SHARE = 0.08  # replies outside open hours to messages written outside them


def poisson(rng: random.Random, mean: float) -> int:
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def minutes_around(rng: random.Random, median: float) -> timedelta:
    """A log-normal delay with the given median, at least one minute, whole seconds."""
    minutes = max(1.0, rng.lognormvariate(math.log(median), 0.8))
    return timedelta(seconds=round(minutes * 60))


class Calendar:
    """Arrivals and reply times of one institution and channel, after its seeded schedule and holidays."""

    def __init__(self, institution: dict, channel: str):
        self.hours = load_seeds().hours(institution["institution_id"], channel)
        self.zone = self.hours.zone

    def is_holiday(self, day: date) -> bool:
        return day in self.hours.closed

    def is_business_day(self, day: date) -> bool:
        return bool(self.hours.intervals(day))

    def is_business_time(self, moment: datetime) -> bool:
        return self.hours.is_open(moment)

    def local_days(self, start: datetime, end: datetime) -> list[date]:
        """Local dates that overlap the UTC interval [start, end)."""
        day, last = start.astimezone(self.zone).date(), (end - timedelta(microseconds=1)).astimezone(self.zone).date()
        days = []
        while day <= last:
            days.append(day)
            day += timedelta(days=1)
        return days

    def at(self, day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute, second), self.zone).astimezone(timezone.utc)

    def arrivals(self, rng: random.Random, day: date, daily_mean: float) -> list[datetime]:
        """Arrival instants (UTC, whole seconds) of one local day, busier on weekdays and daytime."""
        factor = HOLIDAY_FACTOR if self.is_holiday(day) else WEEKDAY_FACTORS[day.weekday()]
        hours = rng.choices(range(24), HOUR_WEIGHTS, k=poisson(rng, daily_mean * factor))
        return sorted(self.at(day, hour, rng.randrange(60), rng.randrange(60)) for hour in hours)

    def quick_reply(self, rng: random.Random, created: datetime, median_minutes: float) -> datetime:
        """Mostly inside open hours: soon when open (sometimes within the minute), else after the next opening;
        now and then someone on call answers after hours."""
        draw = rng.random()
        if self.is_business_time(created):
            if draw < SAME_MINUTE_SHARE:
                return created + timedelta(seconds=rng.randint(10, 50))
            return created + minutes_around(rng, median_minutes)
        if draw < AFTER_HOURS_SHARE:
            return created + minutes_around(rng, median_minutes * 2)
        return self.hours.next_open(created) + minutes_around(rng, median_minutes * 1.5)

    def business_days_later(self, rng: random.Random, created: datetime, days: int) -> datetime:
        """An open-hours instant on the `days`-th open day after the next opening after `created`."""
        day = self.hours.local_date(self.hours.next_open(created))
        for _ in range(days):
            day += timedelta(days=1)
            while not self.is_business_day(day):
                day += timedelta(days=1)
        spans = [(max(start, created), end) for start, end in self.hours.intervals(day) if end > created]
        offset = timedelta(seconds=rng.randrange(max(1, int(sum((e - s).total_seconds() for s, e in spans)))))
        for start, end in spans:
            if offset < end - start:
                return start + offset
            offset -= end - start
        return spans[-1][1] - timedelta(seconds=1)
