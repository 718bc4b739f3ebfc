{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['page_id', 'rating_id'],
    on_schema_change='fail',
    indexes=[{'columns': ['page_id', 'rating_id'], 'unique': True}, {'columns': ['loaded_at']}, {'columns': ['batch_date']}],
) }}
-- Ratings are staged for completeness and counts; Graph gives no edge for a page's answer to a
-- rating, so they are not inbound messages of the response KPIs (docs/decision-log.md).
with

source as (

    select * from {{ source('facebook', 'facebook_ratings') }}
    {{ incremental_since('loaded_at') }}

),

latest as (

    select distinct on (account_id, record_key) *
    from source
    order by account_id, record_key, loaded_at desc, raw_id desc

),

renamed as (

    select
        -- ids
        -- a rating has no id of its own: its key is `<page>_<reviewer id>`, so only a keyed hash
        -- of it leaves raw (issue 13: no platform id of a person past raw)
        {{ pseudonymise("'facebook-rating:' || record_key") }} as rating_id,
        payload_sha256                                       as rating_version_id,
        account_id                                           as page_id,

        -- author (pseudonymised)
        {{ pseudonymise("'facebook:' || (payload #>> '{reviewer,id}')") }} as reviewer_pseudonym,

        -- rating
        payload ->> 'recommendation_type'                    as recommendation_type,
        (payload ->> 'recommendation_type') = 'positive'     as is_positive,
        payload ? 'review_text'                              as has_review_text,
        (payload ->> 'created_time')::timestamptz            as created_at,

        -- load metadata
        run_id,
        batch_date,
        extracted_at,
        loaded_at

    from latest

)

select * from renamed
