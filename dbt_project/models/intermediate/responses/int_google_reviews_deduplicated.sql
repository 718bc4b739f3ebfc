-- One row per review: its latest version, with the owner's reply as first seen.
-- Google lets the owner edit a reply (its updateTime moves); the first response time is the
-- reply's updateTime in the first version in which a reply appeared.
with

versions as (

    select * from {{ ref('stg_google__reviews') }}

),

latest as (

    select distinct on (location_name, review_name) *
    from versions
    order by location_name, review_name, updated_at desc, loaded_at desc

),

first_reply as (

    select distinct on (location_name, review_name)
        location_name,
        review_name,
        reply_updated_at as reply_first_seen_at
    from versions
    where reply_updated_at is not null
    order by location_name, review_name, loaded_at, reply_updated_at

)

select
    latest.review_name,
    latest.review_version_id,
    latest.location_name,
    latest.review_id,
    latest.reviewer_pseudonym,
    latest.is_anonymous,
    latest.star_rating,
    latest.created_at,
    latest.updated_at,
    first_reply.reply_first_seen_at
from latest
left join first_reply
    on  first_reply.location_name = latest.location_name
    and first_reply.review_name = latest.review_name
