{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['page_id', 'comment_id'],
    on_schema_change='fail',
    indexes=[{'columns': ['page_id', 'comment_id'], 'unique': True}, {'columns': ['loaded_at']}, {'columns': ['batch_date']}],
) }}
with

source as (

    select * from {{ source('facebook', 'facebook_comments') }}
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
        account_id                                           as page_id,
        payload ->> 'post_id'                                as post_id,
        payload #>> '{parent,id}'                            as parent_comment_id,

        -- author (pseudonymised; Graph omits `from` for people who have not authorised the app:
        -- those comments cannot be linked to one another, each gets its own pseudonym)
        {{ pseudonymise(
            "coalesce('facebook:' || (payload #>> '{from,id}'), 'facebook-unidentified:' || record_key)"
        ) }}                                                 as author_pseudonym,
        coalesce((payload #>> '{from,id}') = account_id, false) as is_by_page,

        -- timestamps (Graph writes 2026-03-23T10:15:00+0000)
        (payload ->> 'created_time')::timestamptz            as created_at,

        -- text: never here; its redacted form is in stg_webcare__text_annotations

        -- load metadata
        run_id,
        batch_date,
        extracted_at,
        loaded_at

    from latest

)

select * from renamed
