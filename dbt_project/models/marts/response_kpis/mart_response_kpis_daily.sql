-- Institution x channel x local day: how many messages came in, how many were answered, how fast.
-- Every day from the first to the last day with any message is present, zero days included.
with

interactions as (

    select * from {{ ref('fct_interactions') }}

),

calendar as (

    select dim_date.date_day
    from {{ ref('dim_date') }} as dim_date
    where dim_date.date_day between (select min(date_day) from interactions)
                                and (select max(date_day) from interactions)

),

spine as (

    select
        institutions.institution_id,
        channels.channel_id,
        calendar.date_day
    from {{ ref('dim_institution') }} as institutions
    cross join {{ ref('dim_channel') }} as channels
    cross join calendar

),

daily as (

    select
        institution_id,
        channel_id,
        date_day,
        count(*)                                             as inbound_count,
        count(*) filter (where is_answered)                  as answered_count,
        percentile_cont(0.5) within group (order by first_response_minutes)
            filter (where is_answered)                       as median_first_response_minutes
    from interactions
    group by institution_id, channel_id, date_day

)

select
    cast(spine.institution_id as text)                       as institution_id,
    cast(spine.channel_id as text)                           as channel_id,
    cast(spine.date_day as date)                             as date_day,
    cast(coalesce(daily.inbound_count, 0) as integer)        as inbound_count,
    cast(coalesce(daily.answered_count, 0) as integer)       as answered_count,
    cast(daily.answered_count::double precision / nullif(daily.inbound_count, 0) as double precision)
                                                             as response_rate,
    cast(daily.median_first_response_minutes as double precision)
                                                             as median_first_response_minutes
from spine
left join daily
    on  daily.institution_id = spine.institution_id
    and daily.channel_id = spine.channel_id
    and daily.date_day = spine.date_day
