-- The conventional calendar, one row per day of the calendar bounds of the data
-- (int_calendar_bounds: whole years from the earliest message to the latest message or as-of day).
with

days as (

    select generate_series(
        (select calendar_start from {{ ref('int_calendar_bounds') }}),
        (select calendar_end from {{ ref('int_calendar_bounds') }}),
        interval '1 day'
    )::date as date_day

)

select
    date_day,
    cast(extract(isoyear from date_day) as integer)          as iso_year,
    cast(extract(week from date_day) as integer)             as iso_week,
    cast(extract(year from date_day) as integer)             as calendar_year,
    cast(extract(quarter from date_day) as integer)          as calendar_quarter,
    cast(extract(month from date_day) as integer)            as calendar_month,
    cast(to_char(date_day, 'YYYY-MM') as text)               as year_month,
    cast(extract(isodow from date_day) as integer)           as iso_day_of_week,
    cast(trim(to_char(date_day, 'Day')) as text)             as day_name,
    extract(isodow from date_day) in (6, 7)                  as is_weekend,
    cast(date_trunc('week', date_day) as date)               as week_start,
    cast(date_trunc('week', date_day) as date) + 6           as week_end,
    cast(date_trunc('month', date_day) as date)              as month_start,
    cast(date_trunc('month', date_day) + interval '1 month' - interval '1 day' as date) as month_end
from days
