{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['mentioned_user_id', 'tweet_id'],
    on_schema_change='fail',
    indexes=[{'columns': ['mentioned_user_id', 'tweet_id'], 'unique': True}, {'columns': ['loaded_at']}, {'columns': ['batch_date']}],
) }}
with

source as (

    select * from {{ source('x', 'x_mentions') }}
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
        record_key                                           as tweet_id,
        payload_sha256                                       as tweet_version_id,
        -- an edit is a new post id; edit_history_tweet_ids lists every version's id, the first first
        coalesce(payload #>> '{edit_history_tweet_ids,0}', record_key) as original_tweet_id,
        coalesce(
            array(select jsonb_array_elements_text(payload -> 'edit_history_tweet_ids')),
            array[record_key]
        )                                                    as edit_history_tweet_ids,
        account_id                                           as mentioned_user_id,
        payload ->> 'conversation_id'                        as conversation_id,
        jsonb_path_query_first(
            payload, '$.referenced_tweets[*] ? (@.type == "replied_to").id'
        ) #>> '{}'                                           as replied_to_tweet_id,

        -- author (pseudonymised; the raw id never leaves this model)
        {{ pseudonymise("payload ->> 'author_id'") }}        as author_pseudonym,
        (payload ->> 'author_id') = account_id               as is_self_mention,

        -- timestamps
        (payload ->> 'created_at')::timestamptz              as created_at,

        -- text: never here; its redacted form is in stg_webcare__text_annotations
        payload ->> 'lang'                                   as lang,

        -- load metadata
        run_id,
        batch_date,
        extracted_at,
        loaded_at

    from latest

)

select * from renamed
