{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['account_id', 'record_key'],
    on_schema_change='fail',
    indexes=[{'columns': ['account_id', 'record_key'], 'unique': True}, {'columns': ['loaded_at']}, {'columns': ['batch_date']}],
) }}
with

source as (

    select * from {{ source('imports', 'imported_messages') }}
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
        record_key,                                          -- <mapping>:<message id>
        payload_sha256                                       as record_version_id,
        account_id,
        split_part(record_key, ':', 1)                       as mapping_name,
        payload ->> 'message_id'                             as message_id,
        payload ->> 'conversation_id'                        as conversation_id,
        case when payload ->> 'in_reply_to_id' is not null
             then split_part(record_key, ':', 1) || ':' || (payload ->> 'in_reply_to_id')
        end                                                  as in_reply_to_record_key,
        payload ->> 'channel'                                as channel_id,
        -- the platform's own post ids (mapping `platform_ids: true`): the same post as the API's
        case when (payload ->> 'platform_ids')::boolean
             then payload ->> 'message_id' end               as platform_message_id,
        case when (payload ->> 'platform_ids')::boolean
             then payload ->> 'in_reply_to_id' end           as platform_in_reply_to_id,

        -- author (pseudonymised; an export without authors gives each message its own)
        {{ pseudonymise(
            "(payload ->> 'channel') || ':' || coalesce(payload ->> 'author_id', 'unidentified:' || record_key)"
        ) }}                                                 as author_pseudonym,
        (payload ->> 'is_institution')::boolean              as is_institution,

        -- message
        (payload ->> 'star_rating')::integer                 as star_rating,
        (payload ->> 'created_at')::timestamptz              as created_at,

        -- provenance
        payload ->> 'source_file'                            as source_file,
        (payload ->> 'source_line')::integer                 as source_line,

        -- text: never here; its redacted form is in stg_webcare__text_annotations

        -- load metadata
        run_id,
        batch_date,
        extracted_at,
        loaded_at

    from latest

)

select * from renamed
