-- One row: a fingerprint of everything the business intervals are expanded from besides the
-- days (docs/decision-log.md, "The business intervals are expanded once"): the institutions'
-- time zones and regions, the channels, every business_hours row, the public holidays and the
-- local holidays. int_business_intervals_expanded keeps the days it expanded while this is
-- unchanged, and expands every day again when it changes (a schedule, an SLA-relevant holiday,
-- an institution moved).
select md5(concat_ws(
    '#',
    (select string_agg(concat_ws('|', institution_id, time_zone, region_code), ',' order by institution_id)
     from {{ ref('stg_webcare__institutions') }}),
    (select string_agg(channel_id, ',' order by channel_id) from {{ ref('channels') }}),
    (select string_agg(concat_ws('|', institution_id, channel_id, valid_from, iso_day_of_week, opens_at, closes_at),
                       ',' order by institution_id, channel_id, valid_from, iso_day_of_week, opens_at, closes_at)
     from {{ ref('business_hours') }}),
    (select string_agg(concat_ws('|', region_code, holiday_date), ',' order by region_code, holiday_date)
     from {{ source('reference', 'public_holidays') }}),
    (select string_agg(concat_ws('|', institution_id, holiday_date), ',' order by institution_id, holiday_date)
     from {{ ref('local_holidays') }})
)) as schedule_inputs_version
