-- Minutes of the day (local time of the institution), to slice messages by hour or day part.
select
    cast(minute_of_day as integer)                           as time_of_day_minute,
    cast(minute_of_day / 60 as integer)                      as hour_of_day,
    cast(minute_of_day % 60 as integer)                      as minute_of_hour,
    cast(to_char(make_time(minute_of_day / 60, minute_of_day % 60, 0), 'HH24:MI') as text) as time_label,
    cast(case when minute_of_day < 6 * 60 then 'night'
              when minute_of_day < 12 * 60 then 'morning'
              when minute_of_day < 18 * 60 then 'afternoon'
              else 'evening' end as text)                    as day_part
from generate_series(0, 24 * 60 - 1) as minute_of_day
