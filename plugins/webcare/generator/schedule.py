"""When people write and when institutions answer, in the institution's local time."""
import math
import random
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import holidays

OPENING, CLOSING = 8, 20  # business hours, local time, Monday to Friday
HOUR_WEIGHTS = (0.3, 0.15, 0.1, 0.05, 0.05, 0.1, 0.3, 0.9, 1.6, 2.0, 2.2, 2.0,
                1.8, 1.5, 1.3, 1.4, 1.5, 1.6, 1.7, 1.9, 1.9, 1.6, 1.1, 0.6)
WEEKDAY_FACTORS = (1.25, 1.1, 1.0, 1.0, 0.9, 0.6, 0.55)
HOLIDAY_FACTOR = 0.6


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
    def __init__(self, institution: dict):
        self.zone = ZoneInfo(institution["time_zone"])
        self.holidays = holidays.Spain(subdiv=institution["region_code"])

    def is_business_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def is_business_time(self, moment: datetime) -> bool:
        local = moment.astimezone(self.zone)
        return self.is_business_day(local.date()) and OPENING <= local.hour < CLOSING

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

    def next_business_morning(self, moment: datetime) -> datetime:
        """Opening time of the first business day starting after `moment` (or today if before opening)."""
        local = moment.astimezone(self.zone)
        day = local.date() if local.hour < OPENING else local.date() + timedelta(days=1)
        while not self.is_business_day(day):
            day += timedelta(days=1)
        return self.at(day, OPENING)

    def arrivals(self, rng: random.Random, day: date, daily_mean: float) -> list[datetime]:
        """Arrival instants (UTC, whole seconds) of one local day, busier on weekdays and daytime."""
        factor = HOLIDAY_FACTOR if day in self.holidays else WEEKDAY_FACTORS[day.weekday()]
        hours = rng.choices(range(24), HOUR_WEIGHTS, k=poisson(rng, daily_mean * factor))
        return sorted(self.at(day, hour, rng.randrange(60), rng.randrange(60)) for hour in hours)

    def quick_reply(self, rng: random.Random, created: datetime, median_minutes: float) -> datetime:
        """Quick inside business hours, else some time after the next business morning."""
        if self.is_business_time(created):
            return created + minutes_around(rng, median_minutes)
        return self.next_business_morning(created) + minutes_around(rng, median_minutes * 1.5)

    def business_days_later(self, rng: random.Random, created: datetime, days: int) -> datetime:
        """A business-hours instant `days` business days after `created`."""
        moment = self.next_business_morning(created)
        for _ in range(days):
            moment = self.next_business_morning(moment + timedelta(hours=CLOSING - OPENING))
        return moment + timedelta(seconds=rng.randrange((CLOSING - OPENING) * 3600))
