{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['institution_user_id', 'reply_tweet_id'],
    on_schema_change='fail',
    indexes=[{'columns': ['institution_user_id', 'reply_tweet_id'], 'unique': True}, {'columns': ['loaded_at']}, {'columns': ['batch_date']}],
) }}
with

source as (

    select * from {{ source('x', 'x_tweets') }}
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
        record_key                                           as reply_tweet_id,
        payload_sha256                                       as reply_version_id,
        account_id                                           as institution_user_id,
        payload ->> 'conversation_id'                        as conversation_id,
        jsonb_path_query_first(
            payload, '$.referenced_tweets[*] ? (@.type == "replied_to").id'
        ) #>> '{}'                                           as replied_to_tweet_id,

        -- flags
        (payload ->> 'author_id') = account_id               as is_by_account,

        -- timestamps
        (payload ->> 'created_at')::timestamptz              as created_at,

        -- text: never here; its redacted form is in stg_webcare__text_annotations

        -- load metadata
        run_id,
        batch_date,
        extracted_at,
        loaded_at

    from latest

)

-- only the account's replies: its other posts (announcements) answer nobody
select * from renamed
where replied_to_tweet_id is not null
