-- One row per open interval of an institution on a channel and local date, over the calendar
-- bounds of the data (int_calendar_bounds; docs/metrics.md#business-hours). The schedule of a date: the
-- channel's own rows if the institution has channel rows valid by then, else its `all` rows; of
-- those, the version with the greatest valid_from <= the date; of that version, the rows of the
-- date's ISO weekday (several rows make a split shift). Local times become instants with the
-- time zone's rules of that date, so DST is handled by the date. Holidays are closed.
--
-- Incremental (issue 12; docs/decision-log.md, "The business intervals are expanded once"): a
-- day's intervals depend only on the day and the seeds, so a build expands only the days of the
-- calendar bounds not expanded before, while the seeds' fingerprint (int_schedules_fingerprinted)
-- is the one the stored rows were expanded with; when it changes, every day is expanded again.
-- Rows of days outside the bounds and rows of another fingerprint are deleted after the build
-- (post_hook): a day that a new holiday closes has no rows to replace its old ones.
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['institution_id', 'channel_id', 'local_date'],
        on_schema_change='append_new_columns',
        indexes=[{'columns': ['institution_id', 'channel_id', 'local_date']}],
        post_hook=[
            "delete from {{ this }} where local_date < (select calendar_start from "
            ~ "{{ ref('int_calendar_bounds') }}) or local_date > (select calendar_end from "
            ~ "{{ ref('int_calendar_bounds') }})",
            "delete from {{ this }} where schedule_inputs_version is distinct from (select schedule_inputs_version from "
            ~ "{{ ref('int_schedules_fingerprinted') }})",
        ]
    )
}}
with

fingerprint as (

    select schedule_inputs_version from {{ ref('int_schedules_fingerprinted') }}

),

{#- a table built before the fingerprint existed has no such column: every day is expanded again -#}
{% set resumable = is_incremental()
   and 'schedule_inputs_version' in (adapter.get_columns_in_relation(this) | map(attribute='name') | list) %}
{% if resumable %}
-- the days already expanded with this fingerprint (none when it changed)
expanded as (

    select min(local_date) as first_day, max(local_date) as last_day
    from {{ this }}
    where schedule_inputs_version = (select schedule_inputs_version from fingerprint)

),
{% endif %}

institutions as (

    select
        institution_id,
        time_zone,
        region_code
    from {{ ref('stg_webcare__institutions') }}

),

channels as (

    select channel_id from {{ ref('channels') }}

),

business_hours as (

    select
        institution_id,
        channel_id                                           as schedule_channel_id,
        cast(valid_from as date)                             as valid_from,
        cast(iso_day_of_week as integer)                     as iso_day_of_week,
        cast(opens_at as time)                               as opens_at,
        cast(closes_at as time)                              as closes_at
    from {{ ref('business_hours') }}

),

public_holidays as (

    select region_code, cast(holiday_date as date) as holiday_date
    from {{ source('reference', 'public_holidays') }}

),

local_holidays as (

    select institution_id, cast(holiday_date as date) as holiday_date
    from {{ ref('local_holidays') }}

),

days as (

    -- scalar subqueries, not a join: the planner then estimates the series, not series x table rows
    select generate_series(
        (select calendar_start from {{ ref('int_calendar_bounds') }}),
        (select calendar_end from {{ ref('int_calendar_bounds') }}),
        interval '1 day'
    )::date as local_date

),

new_days as (

    select days.local_date
    from days
    {% if resumable %}
    cross join expanded
    where expanded.first_day is null
       or days.local_date not between expanded.first_day and expanded.last_day
    {% endif %}

),

-- every schedule version: an institution, the channel it is for (or `all`), its valid_from
schedule_versions as (

    select distinct institution_id, schedule_channel_id, valid_from
    from business_hours

),

institution_channel_days as (

    select
        institutions.institution_id,
        institutions.time_zone,
        institutions.region_code,
        channels.channel_id,
        days.local_date
    from institutions
    cross join channels
    cross join new_days as days

),

-- the version that applies: channel rows before `all` rows, then the latest valid_from
day_schedules as (

    select distinct on (days.institution_id, days.channel_id, days.local_date)
        days.institution_id,
        days.time_zone,
        days.region_code,
        days.channel_id,
        days.local_date,
        versions.schedule_channel_id,
        versions.valid_from
    from institution_channel_days as days
    inner join schedule_versions as versions
        on  versions.institution_id = days.institution_id
        and versions.schedule_channel_id in (days.channel_id, 'all')
        and versions.valid_from <= days.local_date
    order by
        days.institution_id,
        days.channel_id,
        days.local_date,
        versions.schedule_channel_id = 'all',
        versions.valid_from desc

),

-- closed days: public holidays of the institution's region, its local holidays
open_days as (

    select day_schedules.*
    from day_schedules
    where not exists (
            select 1 from public_holidays
            where public_holidays.region_code = day_schedules.region_code
              and public_holidays.holiday_date = day_schedules.local_date
        )
      and not exists (
            select 1 from local_holidays
            where local_holidays.institution_id = day_schedules.institution_id
              and local_holidays.holiday_date = day_schedules.local_date
        )

)

select
    open_days.institution_id,
    open_days.channel_id,
    open_days.local_date,
    (open_days.local_date + business_hours.opens_at) at time zone open_days.time_zone  as open_at,
    (open_days.local_date + business_hours.closes_at) at time zone open_days.time_zone as close_at,
    fingerprint.schedule_inputs_version
from open_days
cross join fingerprint
inner join business_hours
    on  business_hours.institution_id = open_days.institution_id
    and business_hours.schedule_channel_id = open_days.schedule_channel_id
    and business_hours.valid_from = open_days.valid_from
    and business_hours.iso_day_of_week = cast(extract(isodow from open_days.local_date) as integer)
