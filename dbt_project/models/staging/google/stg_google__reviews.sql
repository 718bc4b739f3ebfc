{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['location_name', 'review_name', 'review_version_id'],
    on_schema_change='fail',
    indexes=[{'columns': ['location_name', 'review_name', 'review_version_id'], 'unique': True}, {'columns': ['loaded_at']}, {'columns': ['batch_date']}],
) }}
with

source as (

    select * from {{ source('google', 'google_reviews') }}
    {{ incremental_since('loaded_at') }}

),

renamed as (

    select
        -- ids
        payload_sha256                                       as review_version_id,
        record_key                                           as review_name,
        account_id                                           as location_name,
        payload ->> 'reviewId'                               as review_id,

        -- author (pseudonymised: Google gives a display name, no id)
        {{ pseudonymise(
            "coalesce(payload #>> '{reviewer,displayName}', '') || '|' || "
            ~ "coalesce(payload #>> '{reviewer,profilePhotoUrl}', '')"
        ) }}                                                 as reviewer_pseudonym,
        coalesce((payload #>> '{reviewer,isAnonymous}')::boolean, false) as is_anonymous,

        -- review
        {{ star_rating_number("payload ->> 'starRating'") }} as star_rating,
        payload ? 'comment'                                  as has_comment,
        (payload ->> 'createTime')::timestamptz              as created_at,
        (payload ->> 'updateTime')::timestamptz              as updated_at,

        -- owner's reply
        (payload #>> '{reviewReply,updateTime}')::timestamptz as reply_updated_at,

        -- load metadata
        run_id,
        batch_date,
        extracted_at,
        loaded_at

    from source

)

select * from renamed
