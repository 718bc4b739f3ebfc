{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['ig_user_id', 'comment_id'],
    on_schema_change='fail',
    indexes=[{'columns': ['ig_user_id', 'comment_id'], 'unique': True}, {'columns': ['loaded_at']}, {'columns': ['batch_date']}],
) }}
with

source as (

    select * from {{ source('instagram', 'instagram_comments') }}
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
        record_key                                           as comment_id,
        payload_sha256                                       as comment_version_id,
        account_id                                           as ig_user_id,
        payload ->> 'media_id'                               as media_id,
        payload ->> 'parent_id'                              as parent_comment_id,

        -- author (pseudonymised: the Instagram-scoped user id, or the username when absent)
        {{ pseudonymise(
            "'instagram:' || coalesce(payload #>> '{from,id}', '@' || (payload ->> 'username'), record_key)"
        ) }}                                                 as author_pseudonym,
        coalesce((payload #>> '{from,id}') = account_id, false) as is_by_account,

        -- moderation: hidden comments are kept and flagged, not dropped
        coalesce((payload ->> 'hidden')::boolean, false)     as is_hidden,

        -- timestamps
        (payload ->> 'timestamp')::timestamptz               as created_at,

        -- text: never here; its redacted form is in stg_webcare__text_annotations

        -- load metadata
        run_id,
        batch_date,
        extracted_at,
        loaded_at

    from latest

)

select * from renamed
