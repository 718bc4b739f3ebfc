-- Institutions with type-2 history: a new version whenever its business hours or SLA policies
-- change (a new valid_from in either seed). Facts point at the version of their local date.
with

institutions as (

    select * from {{ ref('stg_webcare__institutions') }}

),

changes as (

    select institution_id, cast(valid_from as date) as valid_from from {{ ref('business_hours') }}
    union
    select institution_id, cast(valid_from as date) as valid_from from {{ ref('sla_policies') }}
    union
    -- the first version has no start: it holds all history before the first change (like valid_to 9999-12-31)
    select institution_id, date '0001-01-01' from institutions

),

versions as (

    select
        institution_id,
        valid_from,
        lead(valid_from) over (partition by institution_id order by valid_from) as next_valid_from
    from changes

),

weekly_hours as (

    -- open hours a week of the schedule version in force at each version's start, all channels
    select versions.institution_id, versions.valid_from,
           sum(extract(epoch from hours.closes_at::time - hours.opens_at::time) / 3600.0) as weekly_open_hours
    from versions
    inner join {{ ref('business_hours') }} as hours
        on  hours.institution_id = versions.institution_id
        and hours.channel_id = 'all'
        and cast(hours.valid_from as date) = (
            select max(cast(h2.valid_from as date)) from {{ ref('business_hours') }} as h2
            where h2.institution_id = versions.institution_id and h2.channel_id = 'all'
              and cast(h2.valid_from as date) <= versions.valid_from)
    group by 1, 2

)

select
    cast(md5(versions.institution_id || ':' || versions.valid_from) as text) as institution_sk,
    cast(institutions.institution_id as text)                as institution_id,
    cast(institutions.institution_name as text)              as institution_name,
    cast(institutions.institution_kind as text)              as institution_kind,
    cast(institutions.time_zone as text)                     as time_zone,
    cast(institutions.region_code as text)                   as region_code,
    cast(institutions.x_username as text)                    as x_username,
    cast({{ google_location_name('institutions') }} as text)
                                                             as google_location_name,
    cast(weekly_hours.weekly_open_hours as double precision) as weekly_open_hours,
    cast(institutions.is_registered as boolean)              as is_registered,
    cast(versions.valid_from as date)                        as valid_from,
    cast(coalesce(versions.next_valid_from, date '9999-12-31') as date) as valid_to,
    versions.next_valid_from is null                         as is_current
from versions
inner join institutions using (institution_id)
left join weekly_hours
    on  weekly_hours.institution_id = versions.institution_id
    and weekly_hours.valid_from = versions.valid_from
