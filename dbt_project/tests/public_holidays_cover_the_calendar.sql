-- Every region of an institution has public holidays for every year of the calendar bounds
-- (webcare.public_holidays.sync writes them before each build). A region-year without any row was
-- never written: business minutes would count its holidays as open days, so the build stops here.
with

years as (

    select cast(generate_series(extract(year from calendar_start)::integer,
                                extract(year from calendar_end)::integer) as integer) as holiday_year
    from {{ ref('int_calendar_bounds') }}

),

regions as (

    -- an institution without a region (registered from an import file) has no public holidays
    select distinct region_code from {{ ref('dim_institution') }} where region_code is not null

)

select regions.region_code, years.holiday_year
from regions
cross join years
where not exists (
    select 1 from {{ source('reference', 'public_holidays') }} as holidays
    where holidays.region_code = regions.region_code
      and extract(year from cast(holidays.holiday_date as date)) = years.holiday_year
)
